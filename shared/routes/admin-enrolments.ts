import * as z from 'zod/mini';
import { emailRecordSchema } from '../email/record-model.ts';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';
import { workflowFailureSchema } from '../workflows/failure-model.ts';
import { queueEntry } from './admin-queue-entry.ts';
import { checkedDocumentsRead } from './enrolment-common.ts';
import { enrolmentDocumentView, enrolmentIdParams, enrolmentView } from './enrolment-schemas.ts';
import { conflictProblem, problemResponse, problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/** The ASP back office: instructors list, read and decide enrolment requests. */
const tags = ["Instruction des demandes d'enrôlement"];

const documentWithLink = z.strictObject({
  ...enrolmentDocumentView.shape,
  uploadedAt: z.optional(z.string()),
  download: z.optional(z.strictObject({ url: z.string(), expiresAt: z.string() })),
});

const enrolmentFile = z.strictObject({
  ...enrolmentView.shape,
  version: z.int(),
  documents: z.record(z.string(), documentWithLink),
  /** The three boxes of step 5, as ticked at submission. */
  declarations: z.optional(
    z.strictObject({
      cgu: z.literal(true),
      article4417: z.literal(true),
      sincerity: z.literal(true),
      acceptedAt: z.string(),
    }),
  ),
  lastDecision: z.optional(
    z.strictObject({
      action: z.enum(['validate', 'requestChanges', 'reject']),
      comment: z.optional(z.string()),
      instructorId: z.string(),
      at: z.string(),
      fromVersion: z.optional(z.int()),
    }),
  ),
  /** The operator account created on validation. */
  accountId: z.optional(z.string()),
  audit: z.array(
    z.strictObject({
      eventId: z.string(),
      who: z.string(),
      action: z.string(),
      toStatus: z.string(),
      at: z.string(),
      fromStatus: z.optional(z.string()),
      comment: z.optional(z.string()),
    }),
  ),
  emails: z.array(emailRecordSchema),
  workflowFailures: z.array(workflowFailureSchema),
});

export const getAdminEnrolmentRoute = defineRoute({
  id: 'getAdminEnrolment',
  method: 'GET',
  path: '/v1/admin/enrolments/{id}',
  handler: 'functions/admin/get-enrolment.ts',
  access: 'instructor',
  summary:
    "Consulter une demande d'enrôlement : tous ses champs, ses pièces (liens de téléchargement valables 1 minute), son historique, ses courriels et les échecs d'envoi",
  tags,
  request: { params: enrolmentIdParams },
  responses: {
    200: { description: 'La demande et son dossier d’instruction', schema: enrolmentFile },
    ...problemResponses(401, 403, 404, 422),
  },
  permissions: { table: 'read', bucket: checkedDocumentsRead },
});

const workflowStart = z.strictObject({
  workflowId: z.string(),
  executionName: z.string(),
  started: z.boolean(),
});

const COMMENT_MAX = 2000;
const comment = (why: string) =>
  z.string({ error: `Le champ « Commentaire » est obligatoire ${why}.` }).check(
    z.regex(/\S/, { error: `Le champ « Commentaire » est obligatoire ${why}.` }),
    z.maxLength(COMMENT_MAX, {
      error: `Le champ « Commentaire » doit contenir au plus ${COMMENT_MAX} caractères.`,
    }),
  );
const expectedVersion = z.int({
  error: 'La « Version de la demande affichée » est obligatoire.',
});

export const decideEnrolmentRoute = defineRoute({
  id: 'decideEnrolment',
  method: 'POST',
  path: '/v1/admin/enrolments/{id}/decision',
  handler: 'functions/admin/decide-enrolment.ts',
  access: 'instructor',
  summary:
    'Décider : valider, demander des modifications (commentaire obligatoire) ou rejeter (motif obligatoire) une demande déposée',
  tags,
  request: {
    params: enrolmentIdParams,
    body: z.discriminatedUnion(
      'action',
      [
        z.strictObject({
          action: z.literal('validate'),
          comment: z.optional(z.string().check(z.maxLength(COMMENT_MAX))),
          expectedVersion,
        }),
        z.strictObject({
          action: z.literal('requestChanges'),
          comment: comment('pour demander des modifications'),
          expectedVersion,
        }),
        z.strictObject({
          action: z.literal('reject'),
          comment: comment('pour rejeter la demande (motif)'),
          expectedVersion,
        }),
      ],
      {
        error:
          'La « Décision » doit valoir validate (valider), requestChanges (demander des modifications) ou reject (rejeter).',
      },
    ),
  },
  responses: {
    200: {
      description: 'La décision est enregistrée et ses courriels sont en cours d’envoi',
      schema: z.strictObject({
        enrolment: queueEntry,
        workflow: workflowStart,
        replayed: z.boolean(),
      }),
    },
    ...problemResponses(404),
    409: problemResponse(
      conflictProblem({ enrolmentStatus: z.optional(z.enum(ENROLMENT_STATUSES)) }),
      'Conflit : la demande a changé depuis son affichage (`expectedVersion`, `currentVersion`) ou son statut (`enrolmentStatus`) ne permet pas cette décision',
    ),
  },
  permissions: {
    table: 'readwrite',
    workflows: ['enrolmentValidated', 'enrolmentChangesRequested', 'enrolmentRejected'],
  },
});

export const retryEnrolmentWorkflowRoute = defineRoute({
  id: 'retryEnrolmentWorkflow',
  method: 'POST',
  path: '/v1/admin/enrolments/{id}/workflow-failures/{executionName}/retry',
  handler: 'functions/admin/retry-enrolment-workflow.ts',
  access: 'instructor',
  summary:
    'Relancer un envoi de courriels en échec : seuls les courriels non encore envoyés partent (une seule relance par échec, même en cas de double clic)',
  tags,
  request: {
    params: z.strictObject({
      id: enrolmentIdParams.shape.id,
      executionName: z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{1,80}$/, { error: "Le nom d'exécution est invalide." })),
    }),
  },
  responses: {
    200: { description: 'La relance est démarrée (ou l’était déjà)', schema: workflowStart },
    ...problemResponses(401, 403, 404, 409, 422),
  },
  permissions: {
    table: 'readwrite',
    workflows: [
      'enrolmentSubmitted',
      'enrolmentValidated',
      'enrolmentChangesRequested',
      'enrolmentRejected',
      'sendEmail',
    ],
  },
});

export const adminEnrolmentRoutes = [
  getAdminEnrolmentRoute,
  decideEnrolmentRoute,
  retryEnrolmentWorkflowRoute,
];

import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '#shared/enrolment/status.ts';
import { enrolmentIdParams } from '#shared/routes/enrolment-schemas.ts';
import { COMMENT_MAX, comment, queueEntrySchema, tags } from '#shared/routes/instruction-common.ts';
import { conflictProblem, problemResponse, problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';
import { workflowStart } from '#shared/routes/workflow-start.ts';

const expectedVersion = z.int({
  error: 'La « Version de la demande affichée » est obligatoire.',
});

export const decideEnrolmentRoute = defineRoute({
  id: 'decideEnrolment',
  method: 'POST',
  path: '/v1/admin/enrolments/{id}/decision',
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
        enrolment: queueEntrySchema(),
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

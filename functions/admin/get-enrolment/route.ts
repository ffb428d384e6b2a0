import * as z from 'zod/mini';
import { emailRecordSchema } from '#shared/email/record-view.ts';
import { checkedDocumentsRead } from '#shared/routes/enrolment-common.ts';
import { enrolmentIdParams } from '#shared/routes/enrolment-schemas.ts';
import { enrolmentDocumentView, enrolmentView } from '#shared/routes/enrolment-view.ts';
import { tags } from '#shared/routes/instruction-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';
import { workflowFailureSchema } from '#shared/workflows/failure-view.ts';

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

import * as z from 'zod/mini';
import { PAYMENT_NOTICE_WORKFLOW } from '#shared/funding/decision-workflow-ids.ts';
import { dossierSchema } from '#shared/funding/dossier-view.ts';
import { dossierNumberParams } from '#shared/funding/schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const paymentRequestBody = z.strictObject({
  kind: z.enum(['AVANCE', 'SOLDE'], {
    error: 'La « Nature du paiement » doit valoir AVANCE (avance) ou SOLDE (solde).',
  }),
  reference: z.optional(
    z.string({ error: 'La « Référence de paiement » doit être un texte.' }).check(
      z.regex(/^[\w./-]{1,40}$/, {
        error: 'La référence de paiement comporte 1 à 40 lettres, chiffres ou signes . / - _.',
      }),
    ),
  ),
});

export const launchPaymentRoute = defineRoute({
  id: 'launchPayment',
  method: 'POST',
  path: '/v1/admin/dossiers/{number}/payments',
  access: 'instructor',
  summary: "Mise en paiement de l'avance ou du solde sur l'IBAN de l'enrôlement (instruction ASP)",
  tags: ['Instruction'],
  request: { params: dossierNumberParams, body: paymentRequestBody },
  responses: {
    201: { description: 'Paiement lancé ; le dossier avec son état de paiement', schema: dossierSchema },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 503),
  },
  permissions: {
    table: 'readwrite',
    bucket: { prefixes: ['dossiers/'], access: 'read' },
    workflows: [PAYMENT_NOTICE_WORKFLOW],
  },
});

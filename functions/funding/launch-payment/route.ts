import { paymentRequestBody } from '#shared/funding/admin-schemas.ts';
import { PAYMENT_NOTICE_WORKFLOW } from '#shared/funding/decision-workflow-ids.ts';
import { dossierNumberParams, dossierSchema } from '#shared/funding/schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

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

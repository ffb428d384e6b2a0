import {
  documentsBucket,
  draftHeaders,
  draftProblems,
  enrolmentResponse,
  table,
  tags,
} from '#shared/routes/enrolment-common.ts';
import { enrolmentIdParams, submitInput } from '#shared/routes/enrolment-schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const submitEnrolmentRoute = defineRoute({
  id: 'submitEnrolment',
  method: 'POST',
  path: '/v1/enrolments/{id}/submit',
  access: 'draft',
  summary: 'Étape 5 — Terminer : captcha, CGU, article 441-7, sincérité → numéro de demande ENR…',
  tags,
  request: { params: enrolmentIdParams, body: submitInput, headers: draftHeaders },
  responses: { 200: enrolmentResponse, ...draftProblems },
  permissions: { table, bucket: documentsBucket, workflows: ['enrolmentSubmitted'] },
  adapters: ['captcha'],
});

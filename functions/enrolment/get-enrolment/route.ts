import { draftHeaders, draftProblems, tags } from '#shared/routes/enrolment-common.ts';
import { enrolmentIdParams } from '#shared/routes/enrolment-schemas.ts';
import { enrolmentResponse } from '#shared/routes/enrolment-view.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const getEnrolmentRoute = defineRoute({
  id: 'getEnrolment',
  method: 'GET',
  path: '/v1/enrolments/{id}',
  access: 'draft',
  summary: 'Reprendre une demande : réponses, justificatifs, étapes complètes et manquantes (récapitulatif)',
  tags,
  request: { params: enrolmentIdParams, headers: draftHeaders },
  responses: { 200: enrolmentResponse, ...draftProblems },
  permissions: { table: 'read' },
});

import * as z from 'zod/mini';
import { STEPS } from '#shared/enrolment/requirements.ts';
import {
  documentsBucket,
  draftHeaders,
  draftProblems,
  table,
  tags,
} from '#shared/routes/enrolment-common.ts';
import { enrolmentIdParams } from '#shared/routes/enrolment-schemas.ts';
import { enrolmentResponse } from '#shared/routes/enrolment-view.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const resetStepRoute = defineRoute({
  id: 'resetEnrolmentStep',
  method: 'DELETE',
  path: '/v1/enrolments/{id}/steps/{step}',
  access: 'draft',
  summary: 'Réinitialiser une étape : efface ses réponses et ses justificatifs',
  tags,
  request: {
    params: z.strictObject({
      id: enrolmentIdParams.shape.id,
      step: z.enum(STEPS, { error: `L'étape doit être l'une des suivantes : ${STEPS.join(', ')}.` }),
    }),
    headers: draftHeaders,
  },
  responses: { 200: enrolmentResponse, ...draftProblems },
  permissions: { table, bucket: documentsBucket },
});

import * as z from 'zod/mini';
import { captchaAnswer } from '#shared/routes/captcha-answer.ts';
import { draftHeaders, draftProblems, table, tags } from '#shared/routes/enrolment-common.ts';
import { enrolmentIdParams, lookedUpCompanyView, siret } from '#shared/routes/enrolment-schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

/** Step 2 "Rechercher" of the enrolment request: the company of a SIRET, from the directory. */
export const lookupCompanyRoute = defineRoute({
  id: 'lookupEnrolmentCompany',
  method: 'POST',
  path: '/v1/enrolments/{id}/company-lookup',
  access: 'draft',
  summary: 'Étape 2 — Rechercher : SIRET + captcha → dénomination sociale et adresse (modifiables)',
  tags,
  request: {
    params: enrolmentIdParams,
    body: z.strictObject({ siret, captcha: captchaAnswer }),
    headers: draftHeaders,
  },
  responses: {
    200: {
      description: "L'établissement trouvé",
      schema: lookedUpCompanyView,
    },
    ...draftProblems,
    ...problemResponses(503),
  },
  permissions: { table },
  adapters: ['captcha', 'companyDirectory'],
});

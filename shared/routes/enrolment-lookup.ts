import * as z from 'zod/mini';
import { captchaAnswer } from './captcha-answer.ts';
import { draftHeaders, draftProblems, table, tags } from './enrolment-common.ts';
import { enrolmentIdParams, lookedUpCompanyView, siret } from './enrolment-schemas.ts';
import { problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/**
 * Step 2 "Rechercher" of the enrolment request, in a module of its own so that its Lambda bundles
 * neither the other enrolment routes nor the draft's view.
 */
export const lookupCompanyRoute = defineRoute({
  id: 'lookupEnrolmentCompany',
  method: 'POST',
  path: '/v1/enrolments/{id}/company-lookup',
  handler: 'functions/enrolment/lookup-company.ts',
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
});

export const enrolmentLookupRoutes = [lookupCompanyRoute];

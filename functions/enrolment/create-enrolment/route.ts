import * as z from 'zod/mini';
import { draftProblems, table, tags } from '#shared/routes/enrolment-common.ts';
import { referencingNumber } from '#shared/routes/enrolment-schemas.ts';
import { createdDraftView } from '#shared/routes/enrolment-view.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const createEnrolmentRoute = defineRoute({
  id: 'createEnrolment',
  method: 'POST',
  path: '/v1/enrolments',
  access: 'public',
  summary: "Commencer une demande d'enrôlement (brouillon) à partir du N° de référencement ANS",
  tags,
  request: { body: z.strictObject({ referencingNumber }) },
  responses: {
    201: { description: 'Le brouillon et son jeton', schema: createdDraftView },
    ...draftProblems,
  },
  permissions: { table },
});

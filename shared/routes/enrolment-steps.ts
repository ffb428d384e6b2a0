import * as z from 'zod/mini';
import { STEPS } from '../enrolment/requirements.ts';
import {
  documentsBucket,
  draftHeaders,
  draftProblems,
  enrolmentResponse,
  table,
  tags,
} from './enrolment-common.ts';
import {
  applicantInput,
  bankInput,
  enrolmentIdParams,
  referencingNumber,
  vatInput,
} from './enrolment-schemas.ts';
import { defineRoute } from './types.ts';

/**
 * Steps 1 to 4 of the enrolment request: save (in any order, again and again) and reset. A module
 * of its own so that each step's Lambda bundles these routes only, not the whole enrolment API.
 */
const stepRoute = <const Id extends string, const B extends z.ZodMiniType>(
  id: Id,
  step: string,
  summary: string,
  body: B,
) =>
  defineRoute({
    id,
    method: 'PUT',
    path: `/v1/enrolments/{id}/steps/${step}`,
    handler: `functions/enrolment/${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`,
    access: 'draft',
    summary,
    tags,
    request: { params: enrolmentIdParams, body, headers: draftHeaders },
    responses: { 200: enrolmentResponse, ...draftProblems },
    permissions: { table, bucket: documentsBucket },
  });

export const saveReferencingStepRoute = stepRoute(
  'saveReferencingStep',
  'referencing',
  'Étape 1 — Référencement : N° unique de référencement (ANS), DSR rempli par le serveur',
  z.strictObject({ number: referencingNumber }),
);
export const saveApplicantStepRoute = stepRoute(
  'saveApplicantStep',
  'applicant',
  'Étape 2 — Demandeur : établissement, adresse, représentant légal ou tiers déclarant',
  applicantInput,
);
export const saveBankStepRoute = stepRoute(
  'saveBankStep',
  'bank',
  'Étape 3 — Coordonnées bancaires : IBAN, BIC, titulaire, domiciliation',
  bankInput,
);
export const saveVatStepRoute = stepRoute('saveVatStep', 'vat', 'Étape 4 — Taux TVA', vatInput);

export const resetStepRoute = defineRoute({
  id: 'resetEnrolmentStep',
  method: 'DELETE',
  path: '/v1/enrolments/{id}/steps/{step}',
  handler: 'functions/enrolment/reset-step.ts',
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

export const enrolmentStepRoutes = [
  saveReferencingStepRoute,
  saveApplicantStepRoute,
  saveBankStepRoute,
  saveVatStepRoute,
  resetStepRoute,
];

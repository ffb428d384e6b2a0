import { applicantInput } from '#shared/routes/enrolment-schemas.ts';
import { stepRoute } from '#shared/routes/enrolment-steps.ts';

export const saveApplicantStepRoute = stepRoute(
  'saveApplicantStep',
  'applicant',
  'Étape 2 — Demandeur : établissement, adresse, représentant légal ou tiers déclarant',
  applicantInput,
);

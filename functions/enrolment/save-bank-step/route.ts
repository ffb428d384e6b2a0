import { bankInput } from '#shared/routes/enrolment-schemas.ts';
import { stepRoute } from '#shared/routes/enrolment-steps.ts';

export const saveBankStepRoute = stepRoute(
  'saveBankStep',
  'bank',
  'Étape 3 — Coordonnées bancaires : IBAN, BIC, titulaire, domiciliation',
  bankInput,
);

import * as z from 'zod/mini';
import { text } from '#shared/routes/enrolment-schemas.ts';
import { stepRoute } from '#shared/routes/enrolment-steps.ts';

const bankInput = z.strictObject({
  iban: text('IBAN', 50),
  bic: text('BIC', 20),
  titulaire: text('Titulaire', 140),
  domiciliation: text('Domiciliation', 140),
});

export const saveBankStepRoute = stepRoute(
  'saveBankStep',
  'bank',
  'Étape 3 — Coordonnées bancaires : IBAN, BIC, titulaire, domiciliation',
  bankInput,
);

import { vatInput } from '#shared/routes/enrolment-schemas.ts';
import { stepRoute } from '#shared/routes/enrolment-steps.ts';

export const saveVatStepRoute = stepRoute('saveVatStep', 'vat', 'Étape 4 — Taux TVA', vatInput);

import * as z from 'zod/mini';
import { referencingNumber } from '#shared/routes/enrolment-schemas.ts';
import { stepRoute } from '#shared/routes/enrolment-steps.ts';

export const saveReferencingStepRoute = stepRoute(
  'saveReferencingStep',
  'referencing',
  'Étape 1 — Référencement : N° unique de référencement (ANS), DSR rempli par le serveur',
  z.strictObject({ number: referencingNumber }),
);

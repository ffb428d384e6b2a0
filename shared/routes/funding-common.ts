import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';
import { conflictProblem, problemResponse, problemSchema } from './schemas.ts';

export const TAGS = ['Demande de financement'];

export const period = z.strictObject({ opensAt: z.string(), closesAt: z.string() });

/**
 * An operator whose enrolment is not validated: `enrolmentStatus` says where it stands (null:
 * none). A builder: only the routes an unvalidated operator may reach build it.
 */
export const notValidatedProblem = () => ({
  403: problemResponse(
    problemSchema({ enrolmentStatus: z.optional(z.nullable(z.enum(ENROLMENT_STATUSES))) }),
    "Accès refusé ; `enrolmentStatus` : statut de la dernière demande d'enrôlement",
  ),
});

export const conflictWith = (description: string, extensions: Record<string, z.ZodMiniOptional>) => ({
  409: problemResponse(conflictProblem(extensions), description),
});

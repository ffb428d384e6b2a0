import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';

/** One line of the instructors' lists, also the decision's answer (a module of its own: no route). */
export const queueEntry = z.strictObject({
  id: z.string(),
  number: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  statusLabel: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
  referencingNumber: z.optional(z.string()),
  siret: z.optional(z.string()),
  denominationSociale: z.optional(z.string()),
});

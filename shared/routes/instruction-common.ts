import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';

/** What the ASP back office's routes share: instructors list, read and decide enrolment requests. */
export const tags = ["Instruction des demandes d'enrôlement"];

/** One line of the instructors' lists, also the decision's answer (a builder: the lists and the decision build it). */
export const queueEntrySchema = () =>
  z.strictObject({
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

/** A page of the instructors' lists (a builder, as queueEntrySchema). */
export const queuePageSchema = () =>
  z.strictObject({ items: z.array(queueEntrySchema()), cursor: z.optional(z.string()) });

export const COMMENT_MAX = 2000;

export const comment = (why: string) =>
  z.string({ error: `Le champ « Commentaire » est obligatoire ${why}.` }).check(
    z.regex(/\S/, { error: `Le champ « Commentaire » est obligatoire ${why}.` }),
    z.maxLength(COMMENT_MAX, {
      error: `Le champ « Commentaire » doit contenir au plus ${COMMENT_MAX} caractères.`,
    }),
  );

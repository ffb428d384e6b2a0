import * as z from 'zod/mini';
import { labelled } from '../schema-labels.ts';

/** The captcha's answer (company lookup, submission, login over a source's limit). */
export const captchaAnswer = labelled(
  z.strictObject({
    id: z.string({ error: 'Le champ « Captcha » est obligatoire.' }).check(z.minLength(1), z.maxLength(100)),
    answer: z
      .string({ error: 'Le champ « Captcha » est obligatoire.' })
      .check(z.minLength(1, { error: 'Le champ « Captcha » est obligatoire.' }), z.maxLength(20)),
  }),
  'Captcha',
);

import * as z from 'zod/mini';
import { tags } from '#shared/routes/enrolment-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const createCaptchaRoute = defineRoute({
  id: 'createCaptcha',
  method: 'POST',
  path: '/v1/captchas',
  access: 'public',
  summary: 'Nouveau code captcha (image, à usage unique, valable 2 minutes)',
  tags,
  responses: {
    201: {
      description: 'Le captcha à afficher',
      schema: z.strictObject({ id: z.string(), image: z.string(), expiresInSeconds: z.number() }),
    },
    ...problemResponses(400, 503),
  },
  adapters: ['captcha'],
  idempotency: false,
});

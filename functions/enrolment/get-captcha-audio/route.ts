import * as z from 'zod/mini';
import { tags } from '#shared/routes/enrolment-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const getCaptchaAudioRoute = defineRoute({
  id: 'getCaptchaAudio',
  method: 'GET',
  path: '/v1/captchas/{captchaId}/audio',
  access: 'public',
  summary: 'Écouter le code captcha (alternative audio à l’image, RGAA) : WAV, sans consommer le captcha',
  tags,
  request: {
    params: z.strictObject({
      captchaId: z
        .string()
        .check(z.regex(/^[A-Za-z0-9-]{1,100}$/, { error: 'Identifiant de captcha invalide.' })),
    }),
  },
  responses: {
    200: { description: 'Le code épelé, en WAV', mediaType: 'audio/wav' },
    ...problemResponses(404, 422, 503),
  },
  adapters: ['captcha'],
});

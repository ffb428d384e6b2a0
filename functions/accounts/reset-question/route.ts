import * as z from 'zod/mini';
import { TAGS } from '#shared/routes/accounts-common.ts';
import { resetToken } from '#shared/routes/reset-token.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const resetQuestionRoute = defineRoute({
  id: 'getResetQuestion',
  method: 'POST',
  path: '/v1/recovery/password/question',
  access: 'public',
  summary: 'Question secrète à afficher avec le formulaire de réinitialisation (jeton reçu par courriel)',
  tags: TAGS,
  request: { body: z.strictObject({ token: resetToken }) },
  responses: {
    200: {
      description: 'La question secrète (null si pas encore définie)',
      schema: z.strictObject({ secretQuestion: z.nullable(z.string()) }),
    },
    ...problemResponses(400, 410, 413, 415, 422),
  },
  permissions: { table: 'read' },
  idempotency: false,
});

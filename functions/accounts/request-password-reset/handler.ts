import * as z from 'zod/mini';
import { requestPasswordReset } from '#shared/accounts/recovery.ts';
import { readEnv } from '#shared/config.ts';
import { sendEmail } from '#shared/email/send.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { requestPasswordResetRoute } from './route.ts';

const { PORTAL_URL } = readEnv({ PORTAL_URL: z.url() });

export const handler = httpHandler(requestPasswordResetRoute, async ({ body, sourceIp }) => ({
  status: 202,
  body: await requestPasswordReset(body.identifier, sourceIp, sendEmail, PORTAL_URL),
}));

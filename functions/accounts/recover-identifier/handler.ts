import * as z from 'zod/mini';
import { recoverIdentifier } from '#shared/accounts/recovery.ts';
import { readEnv } from '#shared/config.ts';
import { sendEmail } from '#shared/email/send.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { recoverIdentifierRoute } from './route.ts';

const { PORTAL_URL } = readEnv({ PORTAL_URL: z.url() });

export const handler = httpHandler(recoverIdentifierRoute, async ({ body, sourceIp }) => ({
  status: 202,
  body: await recoverIdentifier(body.email, sourceIp, sendEmail, PORTAL_URL),
}));

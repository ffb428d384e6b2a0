import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import * as z from 'zod/mini';
import { sesClient } from '../aws/ses.ts';
import { readEnv } from '../config.ts';

const env = readEnv({
  SENDER_EMAIL: z.email(),
  REPLY_TO_EMAIL: z.optional(z.email()),
  /** SES configuration set (deployed stages): DKIM domain, event destinations, reputation metrics. */
  SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
});

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Sends one email through SES v1 and returns the SES message id. Throws on SES failure. `tags`
 * come back in the configuration set's events (see delivery-tags.ts).
 */
export async function sendEmail(
  to: string,
  email: RenderedEmail,
  client: SESClient = sesClient,
  tags: { Name: string; Value: string }[] = [],
): Promise<string> {
  const { MessageId } = await client.send(
    new SendEmailCommand({
      Source: env.SENDER_EMAIL,
      ...(env.REPLY_TO_EMAIL ? { ReplyToAddresses: [env.REPLY_TO_EMAIL] } : {}),
      Destination: { ToAddresses: [to] },
      ...(env.SES_CONFIGURATION_SET ? { ConfigurationSetName: env.SES_CONFIGURATION_SET } : {}),
      ...(tags.length > 0 ? { Tags: tags } : {}),
      Message: {
        Subject: { Data: email.subject, Charset: 'UTF-8' },
        Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
      },
    }),
  );
  if (!MessageId) throw new Error('SES returned no message id');
  return MessageId;
}

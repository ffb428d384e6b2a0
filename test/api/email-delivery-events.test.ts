import { beforeAll, describe, expect, it } from 'vitest';
import { emailTags } from '#shared/email/delivery-tags.ts';
import type { Owner } from '#shared/workflows/owner.ts';
import { useLocalCloud } from '../support/harness.ts';
import { instructor, operatorWith, type TestOperator } from '../support/operators.ts';

// Cheap password hashing in tests (local stage only): the test operator logs in for real.
const local = useLocalCloud({ environment: { PASSWORD_HASH_LOG_N: '10' } });

const tens = { applicatives: 10, organisationnelles: 10, personnelles: 10 };

/**
 * SES reports what became of each email through the configuration set's event destination
 * (EventBridge → the recordEmailEvent Lambda). These events have the shape EventBridge delivers;
 * the handler is the deployed one, invoked as the rule's target would.
 */
const detailTypes = {
  Delivery: 'Email Delivered',
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Reject: 'Email Rejected',
} as const;

function sesEvent(
  eventType: keyof typeof detailTypes,
  mail: { messageId: string; owner: Owner; emailId: string },
  at: string,
) {
  const tags = Object.fromEntries(emailTags(mail.owner, mail.emailId).map((tag) => [tag.Name, [tag.Value]]));
  const recipients = ['destinataire@example.fr'];
  const byType = {
    Delivery: { delivery: { timestamp: at, recipients, processingTimeMillis: 512, smtpResponse: '250 OK' } },
    Bounce: {
      bounce: {
        timestamp: at,
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: recipients[0] }],
      },
    },
    Complaint: { complaint: { timestamp: at, complainedRecipients: [{ emailAddress: recipients[0] }] } },
    Reject: { reject: { reason: 'Bad content' } },
  };
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': detailTypes[eventType],
    source: 'aws.ses',
    account: '123456789012',
    time: at,
    region: 'eu-west-3',
    resources: ['arn:aws:ses:eu-west-3:123456789012:configuration-set/segur-mss-dev'],
    detail: {
      eventType,
      mail: {
        timestamp: at,
        source: 'ne-pas-repondre@segur-mss.example.fr',
        messageId: mail.messageId,
        destination: recipients,
        tags: { 'ses:configuration-set': ['segur-mss-dev'], ...tags },
      },
      ...byType[eventType],
    },
  };
}

const deliver = async (event: unknown) =>
  (await import('#functions/events/record-email-event.ts')).handler(event);

let operator: TestOperator;
let dossierNumber: string;
const dossierEmails = async () =>
  (await local.api.get(`/v1/funding/dossiers/${dossierNumber}`, operator.headers)).body.emails;

beforeAll(async () => {
  operator = await operatorWith(local);
  const advance = await local.api.post(
    '/v1/funding/advance',
    { current: tens, estimatedAtClosing: tens },
    operator.headers,
  );
  dossierNumber = advance.body.number;
  await local.cloud.settleWorkflows();
}, 60_000);

describe('SES delivery events on "Courriels automatiques envoyés"', () => {
  it('shows the decision email delivered, then reported as spam; a late delivery changes nothing', async () => {
    const [sent] = await dossierEmails();
    expect(sent).toMatchObject({ status: 'SENT', messageId: expect.any(String) });
    expect(sent).not.toHaveProperty('deliveryStatus');
    const mail = {
      messageId: sent.messageId,
      owner: { kind: 'dossier', id: dossierNumber } as Owner,
      emailId: sent.emailId,
    };

    expect(await deliver(sesEvent('Delivery', mail, '2026-12-01T10:00:01.000Z'))).toEqual({ recorded: true });
    expect((await dossierEmails())[0]).toMatchObject({
      status: 'SENT',
      deliveryStatus: 'DELIVERED',
      deliveryStatusLabel: 'Distribué',
      deliveryStatusAt: '2026-12-01T10:00:01.000Z',
    });

    expect(await deliver(sesEvent('Complaint', mail, '2026-12-01T11:00:00.000Z'))).toEqual({
      recorded: true,
    });
    expect(await deliver(sesEvent('Delivery', mail, '2026-12-01T12:00:00.000Z'))).toEqual({
      recorded: false,
    });
    const [complained] = await dossierEmails();
    expect(complained).toMatchObject({
      deliveryStatus: 'COMPLAINED',
      deliveryStatusLabel: 'Signalé comme indésirable par le destinataire',
    });
    expect(complained).not.toHaveProperty('deliveryRank');
  });

  it('shows a bounced enrolment email to the instructor, with the bounce type', async () => {
    const asp = await instructor(local);
    const file = await local.api.get(`/v1/admin/enrolments/${operator.enrolmentId}`, asp.headers);
    expect(file.status).toBe(200);
    // The operator's account was provisioned from a stored enrolment: record one email on it.
    const { sendRecordedEmail } = await import('#shared/email/recorded-send.ts');
    const owner: Owner = { kind: 'enrolment', id: operator.enrolmentId };
    const sent = await sendRecordedEmail({
      owner,
      emailType: 'enrolmentValidation',
      occurrence: 'delivery-events-test',
      compose: async () => ({
        to: operator.email,
        rendered: { subject: 'Objet', html: '<p>x</p>', text: 'x' },
      }),
    });
    const mail = { messageId: sent.messageId as string, owner, emailId: sent.emailId };
    expect(await deliver(sesEvent('Bounce', mail, '2026-12-01T10:00:00.000Z'))).toEqual({ recorded: true });
    const after = await local.api.get(`/v1/admin/enrolments/${operator.enrolmentId}`, asp.headers);
    expect(
      after.body.emails.find((email: { emailId: string }) => email.emailId === sent.emailId),
    ).toMatchObject({
      status: 'SENT',
      deliveryStatus: 'BOUNCED',
      deliveryStatusLabel: 'Non distribué (adresse en échec)',
      bounceType: 'Permanent',
    });
  });

  it('ignores events of another send of the record, untagged emails and malformed events', async () => {
    const [email] = await dossierEmails();
    const owner: Owner = { kind: 'dossier', id: dossierNumber };
    const otherSend = { messageId: 'another-message-id', owner, emailId: email.emailId };
    expect(await deliver(sesEvent('Reject', otherSend, '2026-12-02T10:00:00.000Z'))).toEqual({
      recorded: false,
    });
    const untagged = sesEvent(
      'Bounce',
      { ...otherSend, messageId: email.messageId },
      '2026-12-02T10:00:00.000Z',
    );
    untagged.detail.mail.tags = { 'ses:configuration-set': ['segur-mss-dev'] } as never;
    expect(await deliver(untagged)).toEqual({ recorded: false });
    expect(await deliver({ detail: 'nonsense' })).toEqual({ recorded: false });
    expect((await dossierEmails())[0].deliveryStatus).toBe('COMPLAINED');
  });
});

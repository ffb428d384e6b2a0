import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';

const local = useLocalCloud();

// Modules that read their configuration at load time are imported once the local cloud is up.
let listEmailRecords: typeof import('#shared/email/record-repository.ts').listEmailRecords;
let listWorkflowFailures: typeof import('#shared/workflows/failure-repository.ts').listWorkflowFailures;
let startWorkflow: typeof import('#shared/workflows/start.ts').startWorkflow;
let executionName: typeof import('#shared/workflows/start.ts').executionName;
let storeEnrolment: typeof import('../support/enrolment-fixtures.ts').storeEnrolment;
let formatDate: typeof import('#shared/email/layout.ts').formatDate;
beforeAll(async () => {
  ({ listEmailRecords } = await import('#shared/email/record-repository.ts'));
  ({ listWorkflowFailures } = await import('#shared/workflows/failure-repository.ts'));
  ({ startWorkflow, executionName } = await import('#shared/workflows/start.ts'));
  ({ storeEnrolment } = await import('../support/enrolment-fixtures.ts'));
  ({ formatDate } = await import('#shared/email/layout.ts'));
});

const sfn = () =>
  new SFNClient({
    endpoint: local.cloud.urls.sfn,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

async function runSubmitted(enrolmentId: string, version = 1) {
  const started = await startWorkflow(
    'enrolmentSubmitted',
    executionName(enrolmentId, 'submitted', version),
    {
      enrolmentId,
    },
  );
  await local.cloud.settleWorkflows();
  return started.executionArn;
}

let sequence = 0;
/** A submitted request stored as the enrolment use cases store it (no need to drive the steps here). */
const putSubmittedEnrolment = () => {
  sequence += 1;
  return storeEnrolment({
    siret: '39177919600040',
    status: 'DEPOSEE',
    number: `ENR${String(9000 + sequence)}T0`,
    contact: { nom: 'Durand', prenom: 'Élise', email: `elise.durand.${sequence}@example.fr` },
  });
};

const emailsTo = async (address: string) =>
  (await local.sentEmails()).filter((email) => email.destination.to.includes(address));

describe('enrolmentSubmitted workflow: acknowledgement email', () => {
  it('sends the acknowledgement to the contact, with the request number, and records it', async () => {
    const enrolment = await putSubmittedEnrolment();
    const contact = enrolment.applicant!.representative.email;
    const executionArn = await runSubmitted(enrolment.id);

    const [email, ...others] = await emailsTo(contact);
    expect(others).toHaveLength(0);
    expect(email!.subject).toContain(enrolment.number!);
    expect(email!.subject).toContain('Accusé de réception');
    expect(email!.body.text).toContain(`Numéro de la demande\u00a0: ${enrolment.number}`);
    expect(email!.body.text).toContain(`Date de dépôt\u00a0: ${formatDate(enrolment.submittedAt!)}`);
    expect(email!.body.html).toContain('Bonjour Élise Durand,');
    expect(email!.from).toBe('ne-pas-repondre@segur-mss.local');
    expect(email!.replyTo).toEqual(['assistance@segur-mss.local']);

    const [record] = await listEmailRecords({ kind: 'enrolment', id: enrolment.id });
    expect(record).toMatchObject({
      emailType: 'enrolmentAcknowledgement',
      recipient: contact,
      subject: email!.subject,
      status: 'SENT',
      attempts: 1,
      messageId: email!.messageId,
    });
    const execution = await sfn().send(new DescribeExecutionCommand({ executionArn }));
    expect(execution.status).toBe('SUCCEEDED');
  });

  it('starting the same execution again sends nothing more', async () => {
    const enrolment = await putSubmittedEnrolment();
    await runSubmitted(enrolment.id);
    const second = await startWorkflow('enrolmentSubmitted', executionName(enrolment.id, 'submitted', 1), {
      enrolmentId: enrolment.id,
    });
    await local.cloud.settleWorkflows();
    expect(second.started).toBe(false);
    expect(await emailsTo(enrolment.applicant!.representative.email)).toHaveLength(1);
  });

  it('retries when SES fails twice, then delivers one email; the retries are in the history', async () => {
    const enrolment = await putSubmittedEnrolment();
    await local.injectSesFaults({ failures: 2 });
    const executionArn = await runSubmitted(enrolment.id);
    await local.clearSesFaults();

    expect(await emailsTo(enrolment.applicant!.representative.email)).toHaveLength(1);
    const { events = [] } = await sfn().send(new GetExecutionHistoryCommand({ executionArn }));
    // As on AWS, each attempt is a LambdaFunctionScheduled; the failed ones are followed by a failure.
    const attempts = events.filter((event) => event.type === 'LambdaFunctionScheduled');
    const failures = events.filter((event) => event.type === 'LambdaFunctionFailed');
    expect(attempts).toHaveLength(3);
    expect(failures.map((event) => event.lambdaFunctionFailedEventDetails?.error)).toEqual([
      'Email.Deferred',
      'Email.Deferred',
    ]);
    const [record] = await listEmailRecords({ kind: 'enrolment', id: enrolment.id });
    expect(record).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(record!.lastError).toBeUndefined();
    expect(await listWorkflowFailures({ kind: 'enrolment', id: enrolment.id })).toEqual([]);
  });

  it('records the failure on the enrolment when SES always fails, and the email as FAILED', async () => {
    const enrolment = await putSubmittedEnrolment();
    await local.injectSesFaults({ always: true });
    const executionArn = await runSubmitted(enrolment.id);
    await local.clearSesFaults();

    expect(await emailsTo(enrolment.applicant!.representative.email)).toHaveLength(0);
    const execution = await sfn().send(new DescribeExecutionCommand({ executionArn }));
    expect(execution.status).toBe('FAILED');
    const owner = { kind: 'enrolment' as const, id: enrolment.id };
    const [record] = await listEmailRecords(owner);
    // 1 attempt + MaxAttempts 5 retries of the ASL Retry; the SES client itself never retries.
    expect(record).toMatchObject({
      status: 'FAILED',
      attempts: 6,
      recipient: enrolment.applicant!.representative.email,
    });
    expect(record!.lastError).toContain('ServiceUnavailable');
    const [failure, ...more] = await listWorkflowFailures(owner);
    expect(more).toHaveLength(0);
    expect(failure).toMatchObject({
      workflowId: 'enrolmentSubmitted',
      executionName: executionName(enrolment.id, 'submitted', 1),
      error: 'Email.Deferred',
    });
    expect(failure!.cause).toContain('SES indisponible');
    expect(failure!.cause).not.toContain('@');
  });

  it('does not retry a message SES refuses for good', async () => {
    const enrolment = await putSubmittedEnrolment();
    await local.injectSesFaults({ always: true, code: 'MessageRejected', status: 400 });
    const executionArn = await runSubmitted(enrolment.id);
    await local.clearSesFaults();

    const { events = [] } = await sfn().send(new GetExecutionHistoryCommand({ executionArn }));
    // One attempt of the email task, then the failure recording task: no retry.
    expect(events.filter((event) => event.type === 'LambdaFunctionScheduled')).toHaveLength(2);
    expect(events.filter((event) => event.type === 'LambdaFunctionFailed')).toHaveLength(1);
    const owner = { kind: 'enrolment' as const, id: enrolment.id };
    expect((await listEmailRecords(owner))[0]).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect((await listWorkflowFailures(owner))[0]).toMatchObject({ error: 'Email.Rejected' });
  });

  it('records an invalid input (unknown enrolment) as a failure without retrying', async () => {
    const executionArn = await runSubmitted('does-not-exist');
    const execution = await sfn().send(new DescribeExecutionCommand({ executionArn }));
    expect(execution.status).toBe('FAILED');
    const [failure] = await listWorkflowFailures({ kind: 'enrolment', id: 'does-not-exist' });
    expect(failure).toMatchObject({ error: 'Task.InvalidInput' });
  });
});

describe('enrolmentValidated workflow: the account comes first', () => {
  it('provisions the operator account even when SES refuses every email, and records the failure', async () => {
    const { testSiret } = await import('../support/operators.ts');
    const { getItem } = await import('#shared/storage/store.ts');
    const keys = await import('#shared/storage/keys.ts');
    const siret = testSiret();
    const stored = await storeEnrolment({
      siret,
      status: 'VALIDEE',
      number: 'ENR9500T0',
      contact: { nom: 'Martin', prenom: 'Anaïs', email: 'anais.martin.refused@example.fr' },
    });
    const { saveEnrolment } = await import('#shared/enrolment/repository.ts');
    await saveEnrolment({
      ...stored,
      lastDecision: { action: 'validate', instructorId: 'instructor', at: new Date().toISOString() },
    });
    await local.injectSesFaults({ always: true, code: 'AccessDenied', status: 403 });
    await startWorkflow('enrolmentValidated', executionName(stored.id, 'validated', 2), {
      enrolmentId: stored.id,
    });
    await local.cloud.settleWorkflows();
    await local.clearSesFaults();

    const enrolment = await getItem<{ accountId?: string }>(keys.enrolment(stored.id));
    expect(enrolment?.accountId).toEqual(expect.any(String));
    const { getAccount } = await import('#shared/accounts/repository.ts');
    expect(await getAccount(enrolment?.accountId as string)).toMatchObject({ siret });
    const owner = { kind: 'enrolment' as const, id: stored.id };
    expect((await listEmailRecords(owner))[0]).toMatchObject({
      emailType: 'enrolmentValidation',
      status: 'FAILED',
    });
    expect((await listWorkflowFailures(owner))[0]).toMatchObject({
      workflowId: 'enrolmentValidated',
      error: 'Email.Rejected',
    });
  });
});

describe('the sendRecordedEmail task and the generic sendEmail workflow', () => {
  it('sends an email once per (owner, type, occurrence), however often the task runs', async () => {
    const enrolment = await putSubmittedEnrolment();
    const { handler } = await import('#functions/workflow/send-email.ts');
    const input = {
      owner: { kind: 'enrolment', id: enrolment.id },
      emailType: 'enrolmentAcknowledgement',
      occurrence: 'manual-1',
    };
    expect(await handler(input)).toMatchObject({ status: 'SENT' });
    expect(await handler(input)).toMatchObject({ status: 'ALREADY_SENT' });
    expect(await emailsTo(enrolment.applicant!.representative.email)).toHaveLength(1);
    const [record] = await listEmailRecords({ kind: 'enrolment', id: enrolment.id });
    expect(record).toMatchObject({ attempts: 1, occurrence: 'manual-1' });
  });

  it('runs a catalogued email for the owner given in its input, once however often it is started', async () => {
    const { startRecordedEmail } = await import('#shared/email/start-email.ts');
    const enrolment = await putSubmittedEnrolment();
    const owner = { kind: 'enrolment' as const, id: enrolment.id };
    const first = await startRecordedEmail(owner, 'enrolmentAcknowledgement');
    await local.cloud.settleWorkflows();
    const again = await startRecordedEmail(owner, 'enrolmentAcknowledgement');
    await local.cloud.settleWorkflows();
    expect(again).toMatchObject({ executionArn: first.executionArn, started: false });
    const [record, ...more] = await listEmailRecords(owner);
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({ status: 'SENT', emailType: 'enrolmentAcknowledgement' });
    expect(record!.occurrence).toBe(first.executionArn.split(':').pop());
    expect(await emailsTo(enrolment.applicant!.representative.email)).toHaveLength(1);
  });

  it('refuses an email type that is not about that kind of owner, and records it on the owner', async () => {
    const executionArn = (
      await startWorkflow('sendEmail', executionName('FINMSS000001', 'wrong-type'), {
        owner: { kind: 'dossier', id: 'FINMSS000001' },
        emailType: 'enrolmentAcknowledgement',
      })
    ).executionArn;
    await local.cloud.settleWorkflows();
    expect((await sfn().send(new DescribeExecutionCommand({ executionArn }))).status).toBe('FAILED');
    const [failure] = await listWorkflowFailures({ kind: 'dossier', id: 'FINMSS000001' });
    expect(failure).toMatchObject({ workflowId: 'sendEmail', error: 'Task.InvalidInput' });
  });
});

import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { localStateMachineArn } from '#infra/local/stepfunctions.ts';
import { expectSameFacts } from '../support/email-checks.ts';
import {
  BUYER_SIRET,
  completeDraft,
  createDraft,
  DEVELOPER_SIRET,
  type Draft,
  submit,
} from '../support/enrolment.ts';
import { type SentEmail, useLocalCloud } from '../support/harness.ts';

const local = useLocalCloud();
const CONTACT = 'representant@example.fr';

let instructor: Record<string, string>;
let bearer: (token: string) => Record<string, string>;
beforeAll(async () => {
  const accounts = await import('../support/accounts.ts');
  bearer = accounts.bearer;
  instructor = bearer(await accounts.loginAsDemoInstructor(local));
});

const sfn = () => new SFNClient({ endpoint: local.cloud.urls.sfn });

/** A request submitted through the public API, as an applicant does it. */
async function submitted(referencingNumber: string, siret: string) {
  const draft = await createDraft(local.api, referencingNumber);
  await completeDraft(local.api, draft, { siret, referencingNumber });
  const started = performance.now();
  const response = await submit(local.api, draft);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  await local.cloud.settleWorkflows();
  const acknowledgedInMs = performance.now() - started;
  return { draft, id: draft.id, number: response.body.number as string, acknowledgedInMs };
}

const file = async (id: string) => {
  const response = await local.api.get(`/v1/admin/enrolments/${id}`, instructor);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};

const decide = (id: string, body: object, headers: Record<string, string> = {}) =>
  local.api.post(`/v1/admin/enrolments/${id}/decision`, body, { ...instructor, ...headers });

/** Emails about one request, in the order SES received them (the password email names no number). */
async function mailbox(since: number) {
  const emails = await local.sentEmails();
  return emails.slice(since).filter((email) => email.destination.to.includes(CONTACT));
}

const fact = (email: SentEmail | undefined, label: string) =>
  new RegExp(`^- ${label}\u00a0: (.+)$`, 'm').exec(email?.body.text ?? '')?.[1];

async function executionsOf(workflowId: string, enrolmentId: string) {
  const { executions = [] } = await sfn().send(
    new ListExecutionsCommand({ stateMachineArn: localStateMachineArn(workflowId) }),
  );
  return executions.filter((execution) => execution.name?.startsWith(enrolmentId));
}

describe('the email sequence through the local stack, decided by an instructor', () => {
  it('submission → acknowledgement; validation (clicked twice) → validation, identifier, password; the operator logs in', async () => {
    const before = (await local.sentEmails()).length;
    const request = await submitted('zbuMSS0046', DEVELOPER_SIRET);
    const [acknowledgement, ...none] = await mailbox(before);
    expect(none).toHaveLength(0);
    expect(acknowledgement!.subject).toContain(
      `Accusé de réception de votre demande d’enrôlement ${request.number}`,
    );
    expect(fact(acknowledgement, 'Numéro de la demande')).toBe(request.number);
    expectSameFacts({ html: acknowledgement!.body.html!, text: acknowledgement!.body.text! });

    const deposited = await file(request.id);
    expect(deposited).toMatchObject({ status: 'DEPOSEE', number: request.number });
    expect(deposited.emails).toEqual([
      expect.objectContaining({
        emailType: 'enrolmentAcknowledgement',
        label: "Accusé de réception de la demande d'enrôlement",
        recipient: CONTACT,
        status: 'SENT',
        statusLabel: 'Envoyé',
        messageId: acknowledgement!.messageId,
        subject: acknowledgement!.subject,
      }),
    ]);

    const decidedAt = performance.now();
    const body = { action: 'validate', expectedVersion: deposited.version };
    const [first, second] = await Promise.all([decide(request.id, body), decide(request.id, body)]);
    // Concurrent double click: one decision wins; the other is its replay or loses the race (409).
    const outcomes = [first.status, second.status];
    expect(outcomes).toContain(200);
    for (const status of outcomes) expect([200, 409]).toContain(status);
    const retried = await decide(request.id, body);
    expect(retried.status).toBe(200);
    // Same execution name: Step Functions answers with the run already going (or refuses a second).
    expect(retried.body).toMatchObject({
      replayed: true,
      workflow: { executionName: first.body.workflow?.executionName ?? second.body.workflow.executionName },
    });
    expect(retried.body.enrolment).toMatchObject({ status: 'VALIDEE', statusLabel: 'Validée' });
    await local.cloud.settleWorkflows();
    const decisionToCredentialsMs = performance.now() - decidedAt;

    expect(await executionsOf('enrolmentValidated', request.id)).toHaveLength(1);
    const [, validation, identifierEmail, passwordEmail, ...extra] = await mailbox(before);
    expect(extra).toHaveLength(0);
    expect(validation!.subject).toContain(`Votre demande d’enrôlement ${request.number} est validée`);
    expect(identifierEmail!.subject).toContain('Votre identifiant de connexion');
    expect(passwordEmail!.subject).toContain('Votre mot de passe provisoire');
    for (const email of [validation!, identifierEmail!, passwordEmail!])
      expectSameFacts({ html: email.body.html!, text: email.body.text! });
    const identifier = fact(identifierEmail, 'Identifiant');
    const password = fact(passwordEmail, 'Mot de passe provisoire');
    expect(identifier).toMatch(/^[a-z.]+\d*$/);
    expect(password).toHaveLength(16);
    // Two separate emails: neither carries the other's secret.
    expect(identifierEmail!.body.text).not.toContain(password);
    expect(passwordEmail!.body.text).not.toContain(identifier);

    const login = await local.api.post('/v1/sessions', { identifier, password });
    expect(login.status, JSON.stringify(login.body)).toBe(201);
    const me = await local.api.get('/v1/me', bearer(login.body.token));
    expect(me.status).toBe(403);
    expect(me.body.code).toBe('password_change_required');

    // The password never entered the execution: not in its input, output or history.
    const [execution] = await executionsOf('enrolmentValidated', request.id);
    const described = await sfn().send(
      new DescribeExecutionCommand({ executionArn: execution!.executionArn }),
    );
    const history = await sfn().send(
      new GetExecutionHistoryCommand({ executionArn: execution!.executionArn }),
    );
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.stringify([described, history])).not.toContain(password);

    const validated = await file(request.id);
    expect(validated.status).toBe('VALIDEE');
    expect(
      validated.emails.map((email: { emailType: string; status: string }) => [email.emailType, email.status]),
    ).toEqual([
      ['enrolmentAcknowledgement', 'SENT'],
      ['enrolmentValidation', 'SENT'],
      ['operatorIdentifier', 'SENT'],
      ['operatorTemporaryPassword', 'SENT'],
    ]);
    expect(validated.audit.map((event: { action: string }) => event.action)).toEqual(['submit', 'validate']);
    expect(validated.audit[1]).toMatchObject({ fromStatus: 'DEPOSEE', toStatus: 'VALIDEE' });
    expect(validated.workflowFailures).toEqual([]);
    console.info(
      `[timing] submission → acknowledgement sent ${Math.round(request.acknowledgedInMs)} ms; validation decision → validation, identifier and password emails sent ${Math.round(decisionToCredentialsMs)} ms`,
    );
  });

  it('changes requested → comment and a new resume link; the applicant edits and re-submits under the same number', async () => {
    const request = await submitted('abcMSS0112', DEVELOPER_SIRET);
    const { version } = await file(request.id);
    const missing = await decide(request.id, { action: 'requestChanges', expectedVersion: version });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      {
        path: 'body.comment',
        message: 'Le champ « Commentaire » est obligatoire pour demander des modifications.',
      },
    ]);
    const before = (await local.sentEmails()).length;
    const comment = 'Le RIB est illisible.\nMerci de joindre un RIB au format PDF.';
    const decided = await decide(request.id, { action: 'requestChanges', comment, expectedVersion: version });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.enrolment.status).toBe('A_MODIFIER');
    await local.cloud.settleWorkflows();

    const [email, ...others] = await mailbox(before);
    expect(others).toHaveLength(0);
    expect(email!.subject).toContain(`Votre demande d’enrôlement ${request.number} est à modifier`);
    expect(email!.body.text).toContain('Le RIB est illisible.\n\nMerci de joindre un RIB au format PDF.');
    expectSameFacts({ html: email!.body.html!, text: email!.body.text! });
    const link = /Reprendre ma demande\u00a0: (\S+)/.exec(email!.body.text!)?.[1] ?? '';
    const resume = new URLSearchParams(new URL(link).hash.slice(1));
    expect(resume.get('demande')).toBe(request.id);
    const token = resume.get('jeton') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);

    // Only the link's token opens the request now (the previous one is replaced).
    expect((await local.api.get(`/v1/enrolments/${request.id}`, request.draft.headers)).status).toBe(403);
    const resumed: Draft = { id: request.id, token, headers: { 'x-draft-token': token } };
    const view = await local.api.get(`/v1/enrolments/${request.id}`, resumed.headers);
    expect(view.body).toMatchObject({
      status: 'A_MODIFIER',
      lastDecisionComment: comment.replace('\n', '\n'),
    });
    const edited = await local.api.put(
      `/v1/enrolments/${request.id}/steps/vat`,
      { regime: 'TTC_8_5' },
      resumed.headers,
    );
    expect(edited.status).toBe(200);
    const again = await submit(local.api, resumed);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ status: 'DEPOSEE', number: request.number });
    await local.cloud.settleWorkflows();
    const acknowledgements = (await mailbox(before)).filter((mail) =>
      mail.subject.includes('Accusé de réception'),
    );
    expect(acknowledgements).toHaveLength(1);
    expect(acknowledgements[0]!.subject).toContain(request.number);

    // A decision taken on the version shown before the re-submission is stale.
    const stale = await decide(request.id, { action: 'validate', expectedVersion: version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const actions = (await file(request.id)).audit.map((event: { action: string }) => event.action);
    expect(actions).toEqual(['submit', 'requestChanges', 'submit']);
  });

  it('rejection → email with the reason; no further decision on a rejected request', async () => {
    const request = await submitted('zbuMSS0046', BUYER_SIRET);
    const { version } = await file(request.id);
    const before = (await local.sentEmails()).length;
    const reason = "Le bon de commande ne correspond pas à l'opérateur déclarant.";
    const decided = await decide(request.id, { action: 'reject', comment: reason, expectedVersion: version });
    expect(decided.status).toBe(200);
    await local.cloud.settleWorkflows();
    const [email, ...others] = await mailbox(before);
    expect(others).toHaveLength(0);
    expect(email!.subject).toContain(`Votre demande d’enrôlement ${request.number} est rejetée`);
    expect(email!.body.text).toContain(
      'Motif du rejet\u00a0:\n\nLe bon de commande ne correspond pas à l’opérateur déclarant.',
    );
    expectSameFacts({ html: email!.body.html!, text: email!.body.text! });

    const rejected = await file(request.id);
    expect(rejected).toMatchObject({
      status: 'REJETEE',
      lastDecision: { action: 'reject', comment: reason },
    });
    const again = await decide(request.id, { action: 'validate', expectedVersion: rejected.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('decision_not_allowed');
    expect(again.body.detail).toContain('« Rejetée »');

    // The rejected request no longer holds its (referencing number, SIRET): a new one may be filed.
    const next = await submitted('zbuMSS0046', BUYER_SIRET);
    expect(next.number).not.toBe(request.number);
  });

  it('a later request of an operator already using the portal: validation email only, its credentials kept', async () => {
    const accounts = await import('../support/accounts.ts');
    const { storeEnrolment } = await import('../support/enrolment-fixtures.ts');
    const siret = '35600000000048';
    const first = await storeEnrolment({ siret, status: 'VALIDEE', number: 'ENR2000M0' });
    const operator = await accounts.activeOperator(local, first);
    const later = await storeEnrolment({
      siret,
      status: 'DEPOSEE',
      number: 'ENR2001M0',
      referencingNumber: 'abcMSS0112',
    });
    const decided = await decide(later.id, { action: 'validate', expectedVersion: later.version });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await local.cloud.settleWorkflows();

    const file = (await local.api.get(`/v1/admin/enrolments/${later.id}`, instructor)).body;
    expect(file.emails.map((email: { emailType: string }) => email.emailType)).toEqual([
      'enrolmentValidation',
    ]);
    expect(file.workflowFailures).toEqual([]);
    expect(file.accountId).toBe(operator.accountId);
    const login = await local.api.post('/v1/sessions', {
      identifier: operator.identifier,
      password: operator.password,
    });
    expect(login.status).toBe(201);
  });
});

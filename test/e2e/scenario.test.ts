import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSTRUCTOR } from '../../infra/local/demo-data.ts';
import { completeDraft, createDraft, submit } from '../support/enrolment.ts';
import { type ApiClient, apiClient, type SentEmail } from '../support/harness.ts';
import { type NpmStart, npmStart } from '../support/npm-start.ts';
import { readPdf } from '../support/pdf.ts';

/**
 * The whole journey over HTTP alone, against `npm start` as a user runs it: enrolment with
 * uploads to S3, acknowledgement, instructor validation, identifier and password emails, first
 * login, advance request with its decision PDF and email.
 */
const dataDirectory = mkdtempSync(join(tmpdir(), 'segur-mss-scenario-'));
let backend: NpmStart;
let api: ApiClient;

beforeAll(async () => {
  backend = await npmStart(dataDirectory);
  api = apiClient(backend.api);
});

afterAll(async () => {
  if (backend) await backend.interrupt();
  rmSync(dataDirectory, { recursive: true, force: true });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Polls the SES emulator's store, as a person refreshes the mailbox viewer. */
async function waitForEmail(matches: (email: SentEmail) => boolean): Promise<SentEmail> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { emails } = (await (await fetch(`${backend.mailbox}/store`)).json()) as { emails: SentEmail[] };
    const found = emails.find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Expected email never arrived');
}

const fact = (email: SentEmail, label: string) =>
  new RegExp(`^- ${label}\u00a0: (.+)$`, 'm').exec(email.body.text ?? '')?.[1] ?? '';

describe('from nothing to a decided advance, against npm start', () => {
  let enrolmentId = '';
  let enrolmentNumber = '';
  let operatorToken = '';

  it('an applicant enrols without an account and gets a request number and an acknowledgement', async () => {
    const draft = await createDraft(api);
    await completeDraft(api, draft);
    const submitted = await submit(api, draft);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    enrolmentId = draft.id;
    enrolmentNumber = submitted.body.number;
    expect(enrolmentNumber).toMatch(/^ENR\d{4}M\d$/);
    const acknowledgement = await waitForEmail((email) => email.subject.includes(enrolmentNumber));
    expect(acknowledgement.subject).toContain('Accusé de réception');
  });

  it('an ASP instructor finds it among the deposited requests and validates it', async () => {
    const login = await api.post('/v1/sessions', {
      identifier: DEMO_INSTRUCTOR.identifier,
      password: DEMO_INSTRUCTOR.password,
    });
    expect(login.status, JSON.stringify(login.body)).toBe(201);
    const instructor = bearer(login.body.token);
    const list = await api.get('/v1/admin/enrolments?status=DEPOSEE', instructor);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).toContain(enrolmentNumber);
    const file = await api.get(`/v1/admin/enrolments/${enrolmentId}`, instructor);
    const decision = await api.post(
      `/v1/admin/enrolments/${enrolmentId}/decision`,
      { action: 'validate', expectedVersion: file.body.version },
      instructor,
    );
    expect(decision.status, JSON.stringify(decision.body)).toBe(200);
  });

  it('the operator receives its identifier and password in two emails, logs in and sets its password', async () => {
    const identifierEmail = await waitForEmail((email) =>
      email.subject.includes('Votre identifiant de connexion'),
    );
    const passwordEmail = await waitForEmail((email) =>
      email.subject.includes('Votre mot de passe provisoire'),
    );
    const identifier = fact(identifierEmail, 'Identifiant');
    const temporary = fact(passwordEmail, 'Mot de passe provisoire');
    expect(identifier).not.toBe('');
    expect(temporary).not.toBe('');
    const first = await api.post('/v1/sessions', { identifier, password: temporary });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const blocked = await api.get('/v1/me/enrolments', bearer(first.body.token));
    expect(blocked.body.code).toBe('password_change_required');
    const newPassword = 'Operateur-MSS#2026';
    const changed = await api.put(
      '/v1/me/password',
      { currentPassword: temporary, newPassword, confirmation: newPassword },
      bearer(first.body.token),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const question = await api.put(
      '/v1/me/secret-question',
      { question: 'Nom de mon premier opérateur ?', answer: 'Messagerie' },
      bearer(changed.body.token),
    );
    expect(question.status, JSON.stringify(question.body)).toBe(200);
    operatorToken = changed.body.token;
    const home = await api.get('/v1/me/enrolments', bearer(operatorToken));
    expect(home.status).toBe(200);
    expect(JSON.stringify(home.body)).toContain(enrolmentNumber);
    expect(JSON.stringify(home.body)).toContain('Validée');
  });

  it('the operator requests its advance: decided at once, with its decision PDF and email', async () => {
    const form = await api.get('/v1/funding/advance', bearer(operatorToken));
    expect(form.status, JSON.stringify(form.body)).toBe(200);
    expect(form.body.fixedEligibleAmount.ttc).toBe('8000.00');
    const counts = { applicatives: 10, organisationnelles: 10, personnelles: 10 };
    const submitted = await api.post(
      '/v1/funding/advance',
      { current: counts, estimatedAtClosing: counts },
      bearer(operatorToken),
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const number = submitted.body.number as string;
    expect(submitted.body.statusLabel).toBe('Décidée');
    await waitForEmail((email) => email.subject.includes(number));
    let dossier = await api.get(`/v1/funding/dossiers/${number}`, bearer(operatorToken));
    for (let tries = 0; dossier.body.documents.length === 0 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      dossier = await api.get(`/v1/funding/dossiers/${number}`, bearer(operatorToken));
    }
    const [pdf] = dossier.body.documents;
    expect(pdf.fileName).toBe(`decision_attribution_${number}.pdf`);
    const { pages, text } = await readPdf(
      new Uint8Array(await (await fetch(pdf.download.url)).arrayBuffer()),
    );
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(number);
    expect(dossier.body.emails.map((email: { emailType: string }) => email.emailType)).toContain(
      'advanceDecision',
    );
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSTRUCTOR } from '#infra/local/demo-data.ts';
import {
  bankBody,
  DEVELOPER_SIRET,
  declarations,
  JPEG,
  PDF,
  person,
  postToStorage,
} from '../support/enrolment.ts';
import type { SentEmail } from '../support/harness.ts';
import { type NpmStart, npmStart } from '../support/npm-start.ts';
import { readPdf } from '../support/pdf.ts';
import { type TypedClient, typedClient } from '../support/typed-client.ts';

/**
 * The whole journey over HTTP alone, against `npm start` as a user runs it: enrolment with
 * uploads to S3, acknowledgement, instructor validation, identifier and password emails, first
 * login, advance request with its decision PDF and email. It speaks through the typed client a
 * front end would use (openapi-fetch over web/src/api/schema.d.ts): `tsc` checks every path,
 * parameter, body and response member it uses against the document.
 */
const dataDirectory = mkdtempSync(join(tmpdir(), 'segur-mss-scenario-'));
let backend: NpmStart;
let api: TypedClient;

beforeAll(async () => {
  backend = await npmStart(dataDirectory);
  api = typedClient(backend.api);
});

afterAll(async () => {
  if (backend) await backend.interrupt();
  rmSync(dataDirectory, { recursive: true, force: true });
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

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

/** The data of a response expected to succeed, or the failure with what the server said. */
function expectData<T>(result: { data?: T; error?: unknown; response: Response }, status: number): T {
  expect(result.response.status, JSON.stringify(result.error)).toBe(status);
  expect(result.data).toBeDefined();
  return result.data as T;
}

async function solveCaptcha() {
  const result = await api.POST('/v1/captchas');
  const { id } = expectData(result, 201);
  return { id, answer: result.response.headers.get('x-local-captcha-answer') ?? '' };
}

describe('from nothing to a decided advance, against npm start', () => {
  let enrolmentId = '';
  let enrolmentNumber = '';
  let operatorToken = '';

  it('an applicant enrols without an account and gets a request number and an acknowledgement', async () => {
    const created = await api.POST('/v1/enrolments', { body: { referencingNumber: 'zbuMSS0046' } });
    const { enrolment, draftToken } = expectData(created, 201);
    expect(created.response.headers.get('location')).toBe(`/v1/enrolments/${enrolment.id}`);
    enrolmentId = enrolment.id;
    const draft = { params: { path: { id: enrolmentId }, header: { 'X-Draft-Token': draftToken } } };

    const company = expectData(
      await api.POST('/v1/enrolments/{id}/company-lookup', {
        ...draft,
        body: { siret: DEVELOPER_SIRET, captcha: await solveCaptcha() },
      }),
      200,
    );
    expectData(
      await api.PUT('/v1/enrolments/{id}/steps/referencing', { ...draft, body: { number: 'zbuMSS0046' } }),
      200,
    );
    expectData(
      await api.PUT('/v1/enrolments/{id}/steps/applicant', {
        ...draft,
        body: {
          siret: company.siret,
          denominationSociale: company.denominationSociale,
          nomCommercial: 'MédiMail',
          address: company.address,
          isLegalRepresentative: true,
          representative: person('Martin', 'representant@example.fr'),
        },
      }),
      200,
    );
    expectData(
      await api.PUT('/v1/enrolments/{id}/steps/bank', {
        ...draft,
        body: bankBody,
      }),
      200,
    );
    const view = expectData(
      await api.PUT('/v1/enrolments/{id}/steps/vat', { ...draft, body: { regime: 'TTC_20' } }),
      200,
    );
    for (const field of view.requiredDocuments) {
      const image = field === 'pieceIdentiteRepresentant';
      const contentType = image ? 'image/jpeg' : 'application/pdf';
      const presigned = expectData(
        await api.POST('/v1/enrolments/{id}/documents', {
          ...draft,
          body: { field, fileName: image ? `${field}.jpg` : `${field}.pdf`, contentType },
        }),
        201,
      );
      expect(await postToStorage(presigned, image ? JPEG : PDF, contentType)).toBeLessThan(300);
    }

    const submitted = expectData(
      await api.POST('/v1/enrolments/{id}/submit', {
        ...draft,
        body: { captcha: await solveCaptcha(), ...declarations },
      }),
      200,
    );
    enrolmentNumber = submitted.number ?? '';
    expect(enrolmentNumber).toMatch(/^ENR\d{4}M\d$/);
    const acknowledgement = await waitForEmail((email) => email.subject.includes(enrolmentNumber));
    expect(acknowledgement.subject).toContain('Accusé de réception');
  });

  it('an ASP instructor finds it among the deposited requests and validates it', async () => {
    const login = expectData(
      await api.POST('/v1/sessions', {
        body: { identifier: DEMO_INSTRUCTOR.identifier, password: DEMO_INSTRUCTOR.password },
      }),
      201,
    );
    const instructor = bearer(login.token);
    const list = expectData(
      await api.GET('/v1/admin/enrolments', { params: { query: { status: 'DEPOSEE' } }, ...instructor }),
      200,
    );
    expect(list.items.map((item) => item.number)).toContain(enrolmentNumber);
    const file = expectData(
      await api.GET('/v1/admin/enrolments/{id}', { params: { path: { id: enrolmentId } }, ...instructor }),
      200,
    );
    const decision = expectData(
      await api.POST('/v1/admin/enrolments/{id}/decision', {
        params: { path: { id: enrolmentId } },
        body: { action: 'validate', expectedVersion: file.version },
        ...instructor,
      }),
      200,
    );
    expect(decision.enrolment.status).toBe('VALIDEE');
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
    const first = expectData(
      await api.POST('/v1/sessions', { body: { identifier, password: temporary } }),
      201,
    );
    const blocked = await api.GET('/v1/me/enrolments', bearer(first.token));
    expect(blocked.error?.code).toBe('password_change_required');
    const newPassword = 'Operateur-MSS#2026';
    const changed = expectData(
      await api.PUT('/v1/me/password', {
        body: { currentPassword: temporary, newPassword, confirmation: newPassword },
        ...bearer(first.token),
      }),
      200,
    );
    expectData(
      await api.PUT('/v1/me/secret-question', {
        body: { question: 'Nom de mon premier opérateur ?', answer: 'Messagerie' },
        ...bearer(changed.token),
      }),
      200,
    );
    operatorToken = changed.token;
    const home = expectData(await api.GET('/v1/me/enrolments', bearer(operatorToken)), 200);
    expect(home.items).toContainEqual(
      expect.objectContaining({ number: enrolmentNumber, statusLabel: 'Validée' }),
    );
  });

  it('the operator requests its advance: decided at once, with its decision PDF and email', async () => {
    const form = expectData(await api.GET('/v1/funding/advance', bearer(operatorToken)), 200);
    expect(form.fixedEligibleAmount.ttc).toBe('8000.00');
    const counts = { applicatives: 10, organisationnelles: 10, personnelles: 10 };
    const submitted = await api.POST('/v1/funding/advance', {
      body: { current: counts, estimatedAtClosing: counts },
      ...bearer(operatorToken),
    });
    const { number, statusLabel } = expectData(submitted, 201);
    expect(submitted.response.headers.get('location')).toBe(`/v1/funding/dossiers/${number}`);
    expect(statusLabel).toBe('Décidée');
    await waitForEmail((email) => email.subject.includes(number));
    const readDossier = async () =>
      expectData(
        await api.GET('/v1/funding/dossiers/{number}', {
          params: { path: { number } },
          ...bearer(operatorToken),
        }),
        200,
      );
    let dossier = await readDossier();
    for (let tries = 0; dossier.documents.length === 0 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      dossier = await readDossier();
    }
    const [pdf] = dossier.documents;
    expect(pdf?.fileName).toBe(`decision_attribution_${number}.pdf`);
    const { pages, text } = await readPdf(
      new Uint8Array(await (await fetch(pdf?.download.url ?? '')).arrayBuffer()),
    );
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(number);
    expect(dossier.emails.map((email) => email.emailType)).toContain('advanceDecision');
  });
});

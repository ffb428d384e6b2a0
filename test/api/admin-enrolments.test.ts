import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeDraft, createDraft, submit } from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';

const local = useLocalCloud();

let instructor: Record<string, string>;
let operator: Record<string, string>;
let support: typeof import('../support/enrolment-fixtures.ts');
beforeAll(async () => {
  const accounts = await import('../support/accounts.ts');
  support = await import('../support/enrolment-fixtures.ts');
  instructor = accounts.bearer(await accounts.loginAsDemoInstructor(local));
  const validated = await support.storeEnrolment({
    siret: '35600000000048',
    status: 'VALIDEE',
    number: 'ENR0500M0',
  });
  operator = accounts.bearer((await accounts.activeOperator(local, validated)).token);
});

const storeDeposited = (number: string) =>
  support.storeEnrolment({ siret: '39177919600040', status: 'DEPOSEE', number });

async function listAll(query: string) {
  const items: { id: string; submittedAt: string }[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await local.api.get(
      `/v1/admin/enrolments?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      instructor,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.cursor;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

describe('instructor routes: access', () => {
  const routes = () => {
    const id = randomUUID();
    return [
      ['GET', '/v1/admin/enrolments', undefined],
      ['GET', `/v1/admin/enrolments/${id}`, undefined],
      ['POST', `/v1/admin/enrolments/${id}/decision`, { action: 'validate', expectedVersion: 1 }],
      ['POST', `/v1/admin/enrolments/${id}/workflow-failures/${id}-submitted-1/retry`, undefined],
    ] as const;
  };

  it('answers 401 to an anonymous caller on every instructor route', async () => {
    for (const [method, path, body] of routes()) {
      const response = await local.api.request(method, path, body ? { body } : {});
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('answers 403 to a logged-in operator on every instructor route', async () => {
    for (const [method, path, body] of routes()) {
      const response = await local.api.request(method, path, {
        headers: operator,
        ...(body ? { body } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.code).toBe('role_forbidden');
    }
  });
});

describe('instructor list: by status, by submission date, paginated', () => {
  it('lists the deposited requests oldest first, page by page, and newest first on demand', async () => {
    const stored: { id: string }[] = [];
    for (let i = 0; i < 5; i += 1) {
      stored.push(await storeDeposited(`ENR06${i}0M0`));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const all = await listAll('status=DEPOSEE&limit=2');
    expect(all.pages).toBeGreaterThanOrEqual(3);
    const ids = all.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const enrolment of stored) expect(ids).toContain(enrolment.id);
    const dates = all.items.map((item) => item.submittedAt);
    expect(dates).toEqual([...dates].sort());
    const mine = all.items.filter((item) => stored.some((enrolment) => enrolment.id === item.id));
    expect(mine[0]).toMatchObject({
      number: 'ENR0600M0',
      status: 'DEPOSEE',
      statusLabel: 'Déposée',
      siret: '39177919600040',
      denominationSociale: 'PROCIVIS IMMOBILIER',
      referencingNumber: 'zbuMSS0046',
      version: 1,
    });

    const newestFirst = await listAll('status=DEPOSEE&order=desc&limit=100');
    expect(newestFirst.items.map((item) => item.id)).toEqual([...ids].reverse());
    const validated = await listAll('status=VALIDEE');
    expect(validated.items.map((item) => item.id)).not.toContain(stored[0]!.id);
  });

  it('refuses a bad status, limit or cursor with a problem naming the parameter', async () => {
    for (const [query, path] of [
      ['status=BROUILLON', 'query.status'],
      ['status=deposee', 'query.status'],
      ['limit=0', 'query.limit'],
      ['limit=500', 'query.limit'],
      ['order=up', 'query.order'],
      ['unknown=1', 'query.unknown'],
    ]) {
      const response = await local.api.get(`/v1/admin/enrolments?${query}`, instructor);
      expect(response.status, query).toBe(422);
      expect(response.body.errors[0].path, query).toBe(path);
    }
    await storeDeposited('ENR0700M0');
    await storeDeposited('ENR0710M0');
    const page = await local.api.get('/v1/admin/enrolments?status=DEPOSEE&limit=1', instructor);
    const elsewhere = await local.api.get(
      `/v1/admin/enrolments?status=REJETEE&cursor=${encodeURIComponent(page.body.cursor)}`,
      instructor,
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('invalid_cursor');
    const garbage = await local.api.get('/v1/admin/enrolments?cursor=not-a-cursor', instructor);
    expect(garbage.status).toBe(400);
  });
});

describe('instructor file of one request', () => {
  it('shows every field, the audit trail and a short-lived download link for each document', async () => {
    const draft = await createDraft(local.api, 'abcMSS0112');
    await completeDraft(local.api, draft, { referencingNumber: 'abcMSS0112' });
    expect((await submit(local.api, draft)).status).toBe(200);
    await local.cloud.settleWorkflows();

    const response = await local.api.get(`/v1/admin/enrolments/${draft.id}`, instructor);
    expect(response.status).toBe(200);
    const file = response.body;
    expect(file).toMatchObject({
      status: 'DEPOSEE',
      referencing: { number: 'abcMSS0112' },
      applicant: { siret: '39177919600040', representative: { email: 'representant@example.fr' } },
      bank: { iban: 'FR7630004000031234567890143', bic: 'BNPAFRPPXXX' },
      vat: { regime: 'TTC_20' },
      declarations: { cgu: true, article4417: true, sincerity: true },
      workflowFailures: [],
    });
    expect(file.draftTokenHash).toBeUndefined();
    expect(file.audit).toEqual([
      expect.objectContaining({ action: 'submit', who: 'applicant', toStatus: 'DEPOSEE' }),
    ]);
    expect(file.emails.map((email: { emailType: string }) => email.emailType)).toEqual([
      'enrolmentAcknowledgement',
    ]);

    const documents = Object.entries<any>(file.documents);
    expect(documents.map(([field]) => field).sort()).toEqual(file.requiredDocuments.sort());
    for (const [field, document] of documents) {
      expect(document.status, field).toBe('VERIFIED');
      const expiresIn = Date.parse(document.download.expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(0);
      expect(expiresIn).toBeLessThanOrEqual(60_000);
      expect(document.download.url).toContain('X-Amz-Expires=60');
      const download = await fetch(document.download.url);
      expect(download.status, field).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename=${document.fileName}`);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(bytes.subarray(0, 4).toString('latin1'), field).toMatch(/^(%PDF|\xff\xd8\xff)/);
    }
  });

  it('shows a failed email and the workflow failure after SES failed every time, without breaking', async () => {
    const { startWorkflow, executionName } = await import('#shared/workflows/start.ts');
    const enrolment = await storeDeposited('ENR0800M0');
    await local.injectSesFaults({ always: true });
    try {
      await startWorkflow('enrolmentSubmitted', executionName(enrolment.id, 'submitted', 1), {
        enrolmentId: enrolment.id,
      });
      await local.cloud.settleWorkflows();
    } finally {
      await local.clearSesFaults();
    }
    const response = await local.api.get(`/v1/admin/enrolments/${enrolment.id}`, instructor);
    expect(response.status).toBe(200);
    expect(response.body.emails).toEqual([
      expect.objectContaining({
        emailType: 'enrolmentAcknowledgement',
        status: 'FAILED',
        statusLabel: "Échec de l'envoi",
        attempts: 6,
        lastError: expect.stringContaining('SES indisponible'),
      }),
    ]);
    expect(response.body.workflowFailures).toEqual([
      expect.objectContaining({ workflowId: 'enrolmentSubmitted', error: 'Email.Deferred' }),
    ]);
  });

  it('answers 404 for an unknown request or a draft, 422 for a malformed id', async () => {
    expect((await local.api.get(`/v1/admin/enrolments/${randomUUID()}`, instructor)).status).toBe(404);
    const draft = await support.storeEnrolment({ siret: '39177919600040', status: 'BROUILLON' });
    const response = await local.api.get(`/v1/admin/enrolments/${draft.id}`, instructor);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('enrolment_not_found');
    const malformed = await local.api.get('/v1/admin/enrolments/not-an-id', instructor);
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0].path).toBe('path.id');
  });
});

describe('instructor decision: input and conflicts', () => {
  it('refuses a malformed decision with a problem naming the field', async () => {
    const enrolment = await storeDeposited('ENR0900M0');
    const path = `/v1/admin/enrolments/${enrolment.id}/decision`;
    for (const [body, field] of [
      [{ action: 'approve', expectedVersion: 1 }, 'body.action'],
      [{ action: 'validate' }, 'body.expectedVersion'],
      [{ action: 'validate', expectedVersion: '1' }, 'body.expectedVersion'],
      [{ action: 'reject', expectedVersion: 1 }, 'body.comment'],
      [{ action: 'reject', comment: '   ', expectedVersion: 1 }, 'body.comment'],
      [{ action: 'requestChanges', comment: 'x'.repeat(2001), expectedVersion: 1 }, 'body.comment'],
      [{ action: 'validate', expectedVersion: 1, status: 'VALIDEE' }, 'body.status'],
    ] as const) {
      const response = await local.api.post(path, body, instructor);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.errors[0].path, JSON.stringify(body)).toBe(field);
    }
    expect((await local.api.get(`/v1/admin/enrolments/${enrolment.id}`, instructor)).body.status).toBe(
      'DEPOSEE',
    );
  });

  it('answers 409 to a stale version and 404 to an unknown request; a retried request with its Idempotency-Key is replayed', async () => {
    const enrolment = await storeDeposited('ENR0910M0');
    const path = `/v1/admin/enrolments/${enrolment.id}/decision`;
    const stale = await local.api.post(path, { action: 'validate', expectedVersion: 7 }, instructor);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 1 });
    const unknown = await local.api.post(
      `/v1/admin/enrolments/${randomUUID()}/decision`,
      { action: 'validate', expectedVersion: 1 },
      instructor,
    );
    expect(unknown.status).toBe(404);

    const headers = { ...instructor, 'idempotency-key': randomUUID() };
    const body = { action: 'reject', comment: 'Pièces non conformes.', expectedVersion: 1 };
    const first = await local.api.post(path, body, headers);
    const again = await local.api.post(path, body, headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    await local.cloud.settleWorkflows();
    const file = (await local.api.get(`/v1/admin/enrolments/${enrolment.id}`, instructor)).body;
    expect(file.audit.filter((event: { action: string }) => event.action === 'reject')).toHaveLength(1);
    expect(
      file.emails.filter((email: { emailType: string }) => email.emailType === 'enrolmentRejection'),
    ).toHaveLength(1);
  });
});

describe('re-running a failed email sequence: nothing is lost', () => {
  const retry = (id: string, executionName: string) =>
    local.api.post(
      `/v1/admin/enrolments/${id}/workflow-failures/${executionName}/retry`,
      undefined,
      instructor,
    );

  it('after SES failed every time, a re-run delivers the acknowledgement once; a second click starts nothing more', async () => {
    const { startWorkflow, executionName } = await import('#shared/workflows/start.ts');
    const enrolment = await storeDeposited('ENR1000M0');
    const failed = executionName(enrolment.id, 'submitted', 1);
    await local.injectSesFaults({ always: true });
    try {
      await startWorkflow('enrolmentSubmitted', failed, { enrolmentId: enrolment.id });
      await local.cloud.settleWorkflows();
    } finally {
      await local.clearSesFaults();
    }
    const first = await retry(enrolment.id, failed);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({
      workflowId: 'enrolmentSubmitted',
      executionName: `${failed}-retry`,
      started: true,
    });
    await local.cloud.settleWorkflows();
    const second = await retry(enrolment.id, failed);
    expect(second.body).toMatchObject({ executionName: `${failed}-retry`, started: false });
    await local.cloud.settleWorkflows();

    const contact = enrolment.applicant!.representative.email;
    const delivered = (await local.sentEmails()).filter((email) => email.destination.to.includes(contact));
    expect(delivered).toHaveLength(1);
    const file = (await local.api.get(`/v1/admin/enrolments/${enrolment.id}`, instructor)).body;
    expect(file.emails).toEqual([
      expect.objectContaining({ status: 'SENT', attempts: 7, occurrence: failed }),
    ]);
    expect(file.workflowFailures).toEqual([
      expect.objectContaining({ executionName: failed, retriedAs: `${failed}-retry` }),
    ]);
    expect(file.workflowFailures[0].input).toBeUndefined();

    expect((await retry(enrolment.id, `${failed}-nothing`)).status).toBe(404);
    expect((await retry(enrolment.id, 'bad.name')).status).toBe(422);
  });

  it('a re-run of the validation sequence skips the emails already sent and sends only the missing ones', async () => {
    const { startWorkflow, executionName } = await import('#shared/workflows/start.ts');
    const { getEnrolment, saveEnrolment } = await import('#shared/enrolment/repository.ts');
    const { handler: sendEmailTask } = await import('#functions/workflow/send-email.ts');
    const stored = await support.storeEnrolment({
      siret: '47992882200069',
      status: 'VALIDEE',
      number: 'ENR1100M0',
    });
    const enrolment = await saveEnrolment({
      ...(await getEnrolment(stored.id))!,
      lastDecision: { action: 'validate', instructorId: 'i', at: new Date().toISOString(), fromVersion: 0 },
    });
    const failed = executionName(enrolment.id, 'validated', 1);
    // The validation email went out before SES broke down (same occurrence as the run below).
    const owner = { kind: 'enrolment', id: enrolment.id };
    await sendEmailTask({ owner, emailType: 'enrolmentValidation', occurrence: failed });
    await local.injectSesFaults({ always: true });
    try {
      await startWorkflow('enrolmentValidated', failed, { enrolmentId: enrolment.id });
      await local.cloud.settleWorkflows();
    } finally {
      await local.clearSesFaults();
    }
    const broken = (await local.api.get(`/v1/admin/enrolments/${enrolment.id}`, instructor)).body;
    expect(broken.emails.map((email: any) => [email.emailType, email.status])).toEqual([
      ['enrolmentValidation', 'SENT'],
      ['operatorIdentifier', 'FAILED'],
    ]);
    expect(broken.accountId).toBeDefined();

    expect((await retry(enrolment.id, failed)).status).toBe(200);
    await local.cloud.settleWorkflows();
    const contact = stored.applicant!.representative.email;
    const subjects = (await local.sentEmails())
      .filter((email) => email.destination.to.includes(contact))
      .map((email) => email.subject);
    expect(subjects).toEqual([
      expect.stringContaining('est validée'),
      expect.stringContaining('Votre identifiant de connexion'),
      expect.stringContaining('Votre mot de passe provisoire'),
    ]);
    const repaired = (await local.api.get(`/v1/admin/enrolments/${enrolment.id}`, instructor)).body;
    expect(repaired.emails.map((email: any) => email.status)).toEqual(['SENT', 'SENT', 'SENT']);
  });

  it('refuses to re-run a failure recorded without its input (a state machine that does not pass it)', async () => {
    const { handler: recordFailure } = await import('#functions/workflow/record-failure.ts');
    const enrolment = await storeDeposited('ENR1200M0');
    await recordFailure({
      owner: { kind: 'enrolment', id: enrolment.id },
      workflowId: 'enrolmentSubmitted',
      executionName: `${enrolment.id}-legacy`,
      error: 'Email.Deferred',
      cause: JSON.stringify({ errorMessage: 'Envoi du courriel différé.', stackTrace: ['at x'] }),
    });
    const file = (await local.api.get(`/v1/admin/enrolments/${enrolment.id}`, instructor)).body;
    expect(file.workflowFailures).toEqual([
      expect.objectContaining({ occurrence: `${enrolment.id}-legacy`, cause: 'Envoi du courriel différé.' }),
    ]);
    const response = await retry(enrolment.id, `${enrolment.id}-legacy`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('workflow_not_rerunnable');
  });
});

import { describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';
import { instructor, operatorWith, type TestOperator } from '../support/operators.ts';
import { readPdf } from '../support/pdf.ts';

// Cheap password hashing in tests (local stage only): every test operator logs in for real. The
// call is corrected mid-file: read it afresh each time, as Lambdas do once their cache expires.
const local = useLocalCloud({
  environment: { PASSWORD_HASH_LOG_N: '10', FUNDING_CALL_CACHE_SECONDS: '0' },
});

const tens = { applicatives: 10, organisationnelles: 10, personnelles: 10 };
const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const CALL = '/v1/admin/funding-calls/MSS-OPERATEURS-2023';

async function advanceFor(operator: TestOperator): Promise<string> {
  const response = await local.api.post(
    '/v1/funding/advance',
    { current: tens, estimatedAtClosing: tens },
    operator.headers,
  );
  expect(response.status).toBe(201);
  return response.body.number;
}

describe('balance request (demande de solde) and payments', () => {
  let owner: TestOperator;
  let capped: TestOperator;
  let unpaid: TestOperator;
  let racer: TestOperator;
  let asp: { headers: Record<string, string> };
  const numbers: Record<string, string> = {};

  it('refuses the balance before the closing date', async () => {
    owner = await operatorWith(local, { regime: 'TTC_20' });
    capped = await operatorWith(local, { regime: 'TTC_8_5' });
    unpaid = await operatorWith(local, { regime: 'HT' });
    racer = await operatorWith(local, { regime: 'TTC_0' });
    asp = await instructor(local);
    numbers.owner = await advanceFor(owner);
    numbers.capped = await advanceFor(capped);
    numbers.unpaid = await advanceFor(unpaid);
    numbers.racer = await advanceFor(racer);
    const early = await local.api.post(
      `/v1/funding/dossiers/${numbers.owner}/balance`,
      { reachedAtClosing: tens },
      owner.headers,
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('balance_window_closed');
    expect(early.body.detail).toMatch(/après la date de clôture \(\d{2}\/\d{2}\/\d{4}\)/);
  });

  it('lets the ASP correct the call as data: versioned, checked, without code', async () => {
    const current = await local.api.get(CALL, asp.headers);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ fixedPartCents: 666_667, capCents: 25_000_000, version: 1 });
    expect((await local.api.get(CALL, owner.headers)).status).toBe(403);
    const { callId: _callId, version, ...fields } = current.body;
    const closed = {
      ...fields,
      expectedVersion: version,
      closingDate: day(-2),
      advanceWindow: { opensAt: `${day(-60)}T00:00:00.000Z`, closesAt: `${day(-2)}T23:59:59.999Z` },
      balanceWindow: { opensAt: `${day(-1)}T00:00:00.000Z`, closesAt: `${day(180)}T23:59:59.999Z` },
    };
    const incoherent = await local.api.put(
      CALL,
      {
        ...closed,
        capCents: 100,
        balanceWindow: { ...closed.balanceWindow, opensAt: `${day(-3)}T00:00:00.000Z` },
      },
      asp.headers,
    );
    expect(incoherent.status).toBe(422);
    expect(incoherent.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.balanceWindow.opensAt',
      'body.capCents',
    ]);
    const badTypes = await local.api.put(
      CALL,
      { ...closed, fixedPartCents: 6666.67, closingDate: '30/06/2023' },
      asp.headers,
    );
    expect(badTypes.status).toBe(422);
    expect(badTypes.body.errors.map((error: { message: string }) => error.message).join(' ')).toMatch(
      /Part fixe \(centimes HT\).*entier|Date de clôture/,
    );
    const corrected = await local.api.put(CALL, closed, asp.headers);
    expect(corrected.status).toBe(200);
    expect(corrected.body.version).toBe(2);
    const stale = await local.api.put(CALL, closed, asp.headers);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const late = await operatorWith(local);
    const refused = await local.api.post(
      '/v1/funding/advance',
      { current: tens, estimatedAtClosing: tens },
      late.headers,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('advance_window_closed');
  });

  it('decides the balance: formula at the closing date minus the advance, PDF and email follow', async () => {
    const reached = { applicatives: 12, organisationnelles: 30, personnelles: 200 };
    const response = await local.api.post(
      `/v1/funding/dossiers/${numbers.owner}/balance`,
      { reachedAtClosing: reached },
      owner.headers,
    );
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('SOLDE_DECIDE');
    expect(response.body.statusLabel).toBe('Solde décidé');
    // 6 666.67 + 12 × 58.33 + 30 × 20.83 + 200 × 5.00 = 8 991.53 HT → 10 789.84 TTC (10 789.836)
    expect(response.body.balance.total).toMatchObject({ ht: '8991.53', ttc: '10789.84' });
    expect(response.body.balance.decidedAmount).toMatchObject({
      ht: '2324.86',
      ttc: '2789.84',
      tva: '464.98',
    });
    expect(response.body.balance.reachedAtClosing).toEqual(reached);

    const again = await local.api.post(
      `/v1/funding/dossiers/${numbers.owner}/balance`,
      { reachedAtClosing: reached },
      owner.headers,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('balance_already_requested');

    await local.cloud.settleWorkflows();
    const dossier = await local.api.get(`/v1/funding/dossiers/${numbers.owner}`, owner.headers);
    const files = dossier.body.documents.map((document: { fileName: string }) => document.fileName);
    expect(files).toEqual([
      `decision_attribution_${numbers.owner}.pdf`,
      `decision_solde_${numbers.owner}.pdf`,
    ]);
    const balancePdf = dossier.body.documents[1];
    const { text } = await readPdf(
      new Uint8Array(await (await fetch(balancePdf.download.url)).arrayBuffer()),
    );
    expect(text).toContain(numbers.owner);
    expect(text).toMatch(/2\s789,84\s€/);
    expect(dossier.body.emails.map((email: { emailType: string }) => email.emailType)).toEqual([
      'advanceDecision',
      'balanceDecision',
    ]);
  });

  it('caps the total at 250 000.00 HT and refuses bad counts', async () => {
    const bad = await local.api.post(
      `/v1/funding/dossiers/${numbers.capped}/balance`,
      { reachedAtClosing: { applicatives: -3, organisationnelles: 1, personnelles: 1 } },
      capped.headers,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ path: 'body.reachedAtClosing.applicatives' });
    expect(bad.body.errors[0].message).toMatch(/BAL applicatives atteintes.*négatif/);
    const response = await local.api.post(
      `/v1/funding/dossiers/${numbers.capped}/balance`,
      { reachedAtClosing: { applicatives: 5000, organisationnelles: 5000, personnelles: 100_000 } },
      capped.headers,
    );
    expect(response.status).toBe(201);
    expect(response.body.balance.total).toMatchObject({ ht: '250000.00', ttc: '271250.00' });
    // 271 250.00 − 7 233.34 (advance TTC at 8.5 %)
    expect(response.body.balance.decidedAmount.ttc).toBe('264016.66');
  });

  it('decides one balance and one payment of each kind when requests race', async () => {
    const balances = await Promise.all(
      [tens, { ...tens, personnelles: 11 }].map((reachedAtClosing) =>
        local.api.post(`/v1/funding/dossiers/${numbers.racer}/balance`, { reachedAtClosing }, racer.headers),
      ),
    );
    expect(balances.map((response) => response.status).sort()).toEqual([201, 409]);
    const payments = await Promise.all(
      [1, 2, 3].map(() =>
        local.api.post(`/v1/admin/dossiers/${numbers.racer}/payments`, { kind: 'AVANCE' }, asp.headers),
      ),
    );
    expect(payments.map((response) => response.status).sort()).toEqual([201, 409, 409]);
  });

  it("refuses another operator's balance request with 404", async () => {
    const response = await local.api.post(
      `/v1/funding/dossiers/${numbers.owner}/balance`,
      { reachedAtClosing: tens },
      capped.headers,
    );
    expect(response.status).toBe(404);
  });

  it('lets an instructor launch the advance and balance payments, once each, to the masked IBAN', async () => {
    const path = `/v1/admin/dossiers/${numbers.owner}/payments`;
    expect((await local.api.post(path, { kind: 'AVANCE' }, owner.headers)).status).toBe(403);
    const advance = await local.api.post(path, { kind: 'AVANCE', reference: 'OP-2026/0001' }, asp.headers);
    expect(advance.status).toBe(201);
    expect(advance.body.payment.items[0]).toMatchObject({
      kind: 'AVANCE',
      status: 'MIS_EN_PAIEMENT',
      ibanMasked: '**** **** **** **** **** ***0 189',
      reference: 'OP-2026/0001',
    });
    expect(advance.body.payment.items[0].statusLabel).toMatch(/^Mis en paiement le \d{2}\/\d{2}\/\d{4}$/);
    expect(advance.body.payment.items[1]).toMatchObject({ kind: 'SOLDE', status: 'A_PAYER' });
    const twice = await local.api.post(path, { kind: 'AVANCE' }, asp.headers);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('payment_already_launched');
    const balance = await local.api.post(path, { kind: 'SOLDE' }, asp.headers);
    expect(balance.status).toBe(201);
    expect(balance.body.payment.paidTtc).toBe('10789.84');

    const seen = await local.api.get(`/v1/funding/dossiers/${numbers.owner}`, owner.headers);
    expect(seen.body.payment.items.map((item: { status: string }) => item.status)).toEqual([
      'MIS_EN_PAIEMENT',
      'MIS_EN_PAIEMENT',
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('FR7630006000011234567890189');
    await local.cloud.settleWorkflows();
    const notices = (await local.api.get(`/v1/funding/dossiers/${numbers.owner}`, owner.headers)).body.emails;
    expect(notices.map((email: { emailType: string }) => email.emailType)).toEqual([
      'advanceDecision',
      'balanceDecision',
      'advancePaymentNotice',
      'balancePaymentNotice',
    ]);
    expect(notices[2].label).toBe("Avis de mise en paiement de l'avance");
    const sent = (await local.sentEmails()).filter((email) => email.subject.includes('mise en paiement'));
    const mine = sent.filter((email) => email.subject.includes(numbers.owner as string));
    expect(mine).toHaveLength(2);
    expect(mine[0]?.body.text).toContain('***0 189');
    expect(mine[0]?.body.text).not.toContain('FR76');
  });

  it('refuses to pay a balance not yet decided, and bad payment input', async () => {
    const path = `/v1/admin/dossiers/${numbers.unpaid}/payments`;
    const notDue = await local.api.post(path, { kind: 'SOLDE' }, asp.headers);
    expect(notDue.status).toBe(409);
    expect(notDue.body.code).toBe('payment_not_due');
    const badKind = await local.api.post(path, { kind: 'TOUT' }, asp.headers);
    expect(badKind.status).toBe(422);
    expect(badKind.body.errors[0].path).toBe('body.kind');
    const missing = await local.api.post(
      '/v1/admin/dossiers/FINMSS999999/payments',
      { kind: 'AVANCE' },
      asp.headers,
    );
    expect(missing.status).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { completeDraft, createDraft, DEVELOPER_SIRET, submit } from '../support/enrolment.ts';
import { type SentEmail, useLocalCloud } from '../support/harness.ts';
import { readPdf } from '../support/pdf.ts';

const local = useLocalCloud({ environment: { PASSWORD_HASH_LOG_N: '10', FUNDING_CALL_CACHE_SECONDS: '0' } });
const CONTACT = 'representant@example.fr';
const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const fact = (email: SentEmail | undefined, label: string) =>
  new RegExp(`^- ${label}\u00a0: (.+)$`, 'm').exec(email?.body.text ?? '')?.[1];
const mailTo = async (since: number) =>
  (await local.sentEmails()).slice(since).filter((email) => email.destination.to.includes(CONTACT));

describe('the whole journey over HTTP: enrolment, validation, first login, advance, balance, payment', () => {
  it('gives a validated operator a decided advance, then its balance, paid to its IBAN', async () => {
    // Enrolment filed by the applicant, validated by the demo instructor.
    const draft = await createDraft(local.api);
    await completeDraft(local.api, draft, { siret: DEVELOPER_SIRET });
    expect((await submit(local.api, draft)).status).toBe(200);
    const asp = await local.api.post('/v1/sessions', {
      identifier: 'instructeur.demo',
      password: 'Demo-Instructeur#2026',
    });
    expect(asp.status, JSON.stringify(asp.body)).toBe(201);
    const instructor = bearer(asp.body.token);
    const before = (await local.sentEmails()).length;
    const file = await local.api.get(`/v1/admin/enrolments/${draft.id}`, instructor);
    const validated = await local.api.post(
      `/v1/admin/enrolments/${draft.id}/decision`,
      { action: 'validate', expectedVersion: file.body.version },
      instructor,
    );
    expect(validated.status, JSON.stringify(validated.body)).toBe(200);
    await local.cloud.settleWorkflows();

    // First login with the two credentials emails.
    const emails = await mailTo(before);
    const identifier = fact(
      emails.find((email) => email.subject.includes('identifiant')),
      'Identifiant',
    );
    const temporary = fact(
      emails.find((email) => email.subject.includes('mot de passe')),
      'Mot de passe provisoire',
    );
    const first = await local.api.post('/v1/sessions', { identifier, password: temporary });
    expect(first.status).toBe(201);
    const password = 'Avance-MSS#2026';
    const changed = await local.api.put(
      '/v1/me/password',
      { currentPassword: temporary, newPassword: password, confirmation: password },
      bearer(first.body.token),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const operator = bearer(changed.body.token);
    const question = await local.api.put(
      '/v1/me/secret-question',
      { question: 'Nom de mon premier animal ?', answer: 'Rantanplan' },
      operator,
    );
    expect(question.status).toBe(200);

    // Demande d'avance: prefilled, then decided at once.
    const form = await local.api.get('/v1/funding/advance', operator);
    expect(form.status, JSON.stringify(form.body)).toBe(200);
    expect(form.body.summary).toMatchObject({ referencingNumber: 'zbuMSS0046', siret: DEVELOPER_SIRET });
    expect(form.body.vatRateLabel).toBe('20 %');
    expect(form.body.fixedEligibleAmount.ttc).toBe('8000.00');
    const counts = { applicatives: 10, organisationnelles: 10, personnelles: 10 };
    const sinceAdvance = (await local.sentEmails()).length;
    const advance = await local.api.post(
      '/v1/funding/advance',
      { current: counts, estimatedAtClosing: counts },
      { ...operator, 'idempotency-key': 'journey-advance-1' },
    );
    expect(advance.status, JSON.stringify(advance.body)).toBe(201);
    expect(advance.body).toMatchObject({ status: 'DECIDEE', statusLabel: 'Décidée' });
    const number = advance.body.number as string;
    await local.cloud.settleWorkflows();
    const dossier = await local.api.get(`/v1/funding/dossiers/${number}`, operator);
    const pdf = await fetch(dossier.body.documents[0].download.url);
    const { text } = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain(number);
    expect(text).toContain(DEVELOPER_SIRET);
    expect(text).toMatch(/8\s000,00\s€/);
    const [decisionEmail] = await mailTo(sinceAdvance);
    expect(decisionEmail?.subject).toContain(`Décision d’attribution de l’avance — dossier ${number}`);
    expect(dossier.body.emails).toEqual([
      expect.objectContaining({
        emailType: 'advanceDecision',
        recipient: CONTACT,
        status: 'SENT',
        subject: decisionEmail?.subject,
      }),
    ]);

    // After the closing date (the ASP moves it, as data): demande de solde, then both payments.
    const call = await local.api.get('/v1/admin/funding-calls/MSS-OPERATEURS-2023', instructor);
    const { callId: _callId, version, ...fields } = call.body;
    const moved = await local.api.put(
      '/v1/admin/funding-calls/MSS-OPERATEURS-2023',
      {
        ...fields,
        expectedVersion: version,
        closingDate: day(-1),
        advanceWindow: { opensAt: `${day(-30)}T00:00:00.000Z`, closesAt: `${day(-1)}T23:59:59.999Z` },
        balanceWindow: { opensAt: `${day(0)}T00:00:00.000Z`, closesAt: `${day(180)}T23:59:59.999Z` },
      },
      instructor,
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const balance = await local.api.post(
      `/v1/funding/dossiers/${number}/balance`,
      { reachedAtClosing: { applicatives: 40, organisationnelles: 100, personnelles: 1000 } },
      operator,
    );
    expect(balance.status, JSON.stringify(balance.body)).toBe(201);
    // 6 666.67 + 40 × 58.33 + 100 × 20.83 + 1 000 × 5.00 = 16 082.87 HT → 19 299.44 TTC; minus 8 000.00
    expect(balance.body.balance.total.ttc).toBe('19299.44');
    expect(balance.body.balance.decidedAmount.ttc).toBe('11299.44');
    await local.cloud.settleWorkflows(); // the balance decision's PDF and email, before the payments
    for (const kind of ['AVANCE', 'SOLDE']) {
      const paid = await local.api.post(`/v1/admin/dossiers/${number}/payments`, { kind }, instructor);
      expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    }
    await local.cloud.settleWorkflows();
    const final = await local.api.get(`/v1/funding/dossiers/${number}`, operator);
    expect(final.body.status).toBe('SOLDE_DECIDE');
    expect(final.body.payment.paidTtc).toBe('19299.44');
    expect(final.body.documents.map((document: { type: string }) => document.type)).toEqual([
      `decision_attribution_${number}`,
      `decision_solde_${number}`,
    ]);
    expect(
      final.body.emails.map(
        (email: { emailType: string; status: string }) => `${email.emailType}:${email.status}`,
      ),
    ).toEqual([
      'advanceDecision:SENT',
      'balanceDecision:SENT',
      'advancePaymentNotice:SENT',
      'balancePaymentNotice:SENT',
    ]);
    expect(JSON.stringify(final.body)).not.toMatch(/FR76\s?3000/);
  });
});

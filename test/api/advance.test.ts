import { describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';
import { instructor, operatorWith } from '../support/operators.ts';
import { readPdf } from '../support/pdf.ts';

// Cheap password hashing in tests (local stage only): every test operator logs in for real.
const local = useLocalCloud({ environment: { PASSWORD_HASH_LOG_N: '10' } });

const tens = { applicatives: 10, organisationnelles: 10, personnelles: 10 };
const request = { current: tens, estimatedAtClosing: tens };

describe("the advance request (demande d'avance)", () => {
  it('prefills the form from the enrolment and the call: 20 % and 8000.00', async () => {
    const operator = await operatorWith(local, { regime: 'TTC_20' });
    const form = await local.api.get('/v1/funding/advance', operator.headers);
    expect(form.status).toBe(200);
    expect(form.body.summary).toMatchObject({
      referencingNumber: 'zbuMSS0046',
      siret: operator.siret,
      denominationSociale: 'PROCIVIS IMMOBILIER',
      addressLines: ['87 CHEM DE MONS', '59009 VILLENEUVE D ASCQ'],
    });
    expect(form.body.vatRateLabel).toBe('20 %');
    expect(form.body.fixedEligibleAmount.ttc).toBe('8000.00');
    expect(form.body.fixedEligibleAmount.ht).toBe('6666.67');
    expect(form.body.advanceWindow.open).toBe(true);
    expect(form.body.closingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(form.body.labels.estimatedAtClosing.personnelles).toBe(
      'Nombre de BAL personnelles estimées à la date de clôture',
    );
    expect(form.body.dossierNumber).toBeNull();
  });

  it('estimates the total funding from the estimated counts, capped', async () => {
    const operator = await operatorWith(local, { regime: 'TTC_20' });
    const small = await local.api.get(
      '/v1/funding/advance/estimate?applicatives=10&organisationnelles=10&personnelles=10',
      operator.headers,
    );
    expect(small.status).toBe(200);
    expect(small.body.total).toMatchObject({ htCents: 750_827, ttcCents: 900_992, ttc: '9009.92' });
    expect(small.body.expectedBalance.ttc).toBe('1009.92');
    expect(small.body.capped).toBe(false);
    const huge = await local.api.get(
      '/v1/funding/advance/estimate?applicatives=1000000&organisationnelles=0&personnelles=0',
      operator.headers,
    );
    expect(huge.body.total.ht).toBe('250000.00');
    expect(huge.body.total.ttc).toBe('300000.00');
    expect(huge.body.capped).toBe(true);
    const bad = await local.api.get(
      '/v1/funding/advance/estimate?applicatives=-1&organisationnelles=0.5&personnelles=0',
      operator.headers,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'query.applicatives',
      'query.organisationnelles',
    ]);
  });

  it('decides the request at once: DECIDEE, FINMSS number, PDF and email listed on the dossier', async () => {
    const operator = await operatorWith(local, { regime: 'TTC_20' });
    const submitted = await local.api.post('/v1/funding/advance', request, operator.headers);
    expect(submitted.status).toBe(201);
    const number = submitted.body.number as string;
    expect(number).toMatch(/^FINMSS\d{6}$/);
    expect(submitted.headers.get('location')).toBe(`/v1/funding/dossiers/${number}`);
    expect(submitted.body.status).toBe('DECIDEE');
    expect(submitted.body.statusLabel).toBe('Décidée');
    expect(submitted.body.summary.depositedOn).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(submitted.body.advance.decidedAmount).toMatchObject({
      ht: '6666.67',
      tva: '1333.33',
      ttc: '8000.00',
    });
    expect(submitted.body.advance.current).toEqual(tens);

    await local.cloud.settleWorkflows();
    const dossier = await local.api.get(`/v1/funding/dossiers/${number}`, operator.headers);
    expect(dossier.status).toBe(200);
    const [pdf] = dossier.body.documents;
    expect(pdf.fileName).toBe(`decision_attribution_${number}.pdf`);
    expect(pdf.type).toBe(`decision_attribution_${number}`);
    const download = await fetch(pdf.download.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename=decision_attribution_${number}.pdf`,
    );
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.length).toBe(pdf.size);
    const { pages, text } = await readPdf(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(number);
    expect(text).toContain(operator.siret);
    expect(text).toMatch(/8\s000,00\s€/);

    const [email] = dossier.body.emails;
    expect(email).toMatchObject({ emailType: 'advanceDecision', recipient: operator.email, status: 'SENT' });
    expect(email.subject).toContain(number);
    const sent = (await local.sentEmails()).filter((message) => message.subject.includes(number));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.destination.to).toEqual([operator.email]);
    expect(sent[0]?.body.text).toMatch(/8\s000,00\s€ TTC/);
    expect(dossier.body.payment.items[0]).toMatchObject({ kind: 'AVANCE', status: 'A_PAYER' });
  });

  it('answers the amounts of every VAT regime', async () => {
    const expected = { TTC_20: '8000.00', TTC_8_5: '7233.34', TTC_0: '6666.67', HT: '6666.67' } as const;
    for (const [regime, ttc] of Object.entries(expected)) {
      const operator = await operatorWith(local, { regime: regime as keyof typeof expected });
      const submitted = await local.api.post('/v1/funding/advance', request, operator.headers);
      expect(submitted.status, regime).toBe(201);
      expect(submitted.body.advance.decidedAmount.ttc, regime).toBe(ttc);
      expect(submitted.body.advance.decidedAmount.ht, regime).toBe('6666.67');
    }
  });

  it('refuses a second request for the same operator with the existing dossier number', async () => {
    const operator = await operatorWith(local);
    const first = await local.api.post('/v1/funding/advance', request, operator.headers);
    const second = await local.api.post('/v1/funding/advance', request, operator.headers);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('advance_already_requested');
    expect(second.body.dossierNumber).toBe(first.body.number);
    expect(second.body.detail).toContain(first.body.number);
    const form = await local.api.get('/v1/funding/advance', operator.headers);
    expect(form.body.dossierNumber).toBe(first.body.number);
  });

  it('recovers from an attempt that died between its number claim and its dossier, but not from one in flight', async () => {
    const { claimAdvance } = await import('#shared/funding/dossier-repository.ts');
    const { nowIso } = await import('#shared/clock.ts');
    // What a crash right after the claim leaves: a claim whose dossier never came.
    const claim = (siret: string) =>
      claimAdvance('MSS-OPERATEURS-2023', siret, { dossierNumber: 'FINMSS999990', claimedAt: nowIso() });
    const crashed = await operatorWith(local);
    await claim(crashed.siret);
    local.cloud.moveClock(5 * 60 * 1000);
    const recovered = await local.api.post('/v1/funding/advance', request, crashed.headers);
    expect(recovered.status).toBe(201);
    expect(recovered.body.number).not.toBe('FINMSS999990');
    const again = await local.api.post('/v1/funding/advance', request, crashed.headers);
    expect(again.body.code).toBe('advance_already_requested');

    const inFlight = await operatorWith(local);
    await claim(inFlight.siret);
    local.cloud.moveClock(1000);
    const busy = await local.api.post('/v1/funding/advance', request, inFlight.headers);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('advance_in_progress');
  });

  it('gives one operator sending the same request five times at once exactly one dossier', async () => {
    const operator = await operatorWith(local);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => local.api.post('/v1/funding/advance', request, operator.headers)),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(409);
      expect(['advance_already_requested', 'advance_in_progress']).toContain(answer.body.code);
    }
    const form = await local.api.get('/v1/funding/advance', operator.headers);
    expect(form.body.dossierNumber).toBe(created[0]?.body.number);
  });

  it('replays the same answer for the same Idempotency-Key', async () => {
    const operator = await operatorWith(local);
    const headers = { ...operator.headers, 'idempotency-key': 'advance-retry-0001' };
    const first = await local.api.post('/v1/funding/advance', request, headers);
    const again = await local.api.post('/v1/funding/advance', request, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.number).toBe(first.body.number);
  });

  it('refuses negative, fractional, missing, absurd or unknown counts with French messages naming the field', async () => {
    const operator = await operatorWith(local);
    const cases: [unknown, string, RegExp][] = [
      [
        { ...request, current: { ...tens, applicatives: -1 } },
        'body.current.applicatives',
        /ne peut pas être négatif/,
      ],
      [
        { ...request, current: { ...tens, personnelles: 2.5 } },
        'body.current.personnelles',
        /Nombre de BAL personnelles actuelles.*entier/,
      ],
      [
        { ...request, estimatedAtClosing: { applicatives: 1, personnelles: 1 } },
        'body.estimatedAtClosing.organisationnelles',
        /« Nombre de BAL organisationnelles estimées à la date de clôture » est obligatoire/,
      ],
      [
        { ...request, estimatedAtClosing: { ...tens, applicatives: 1e12 } },
        'body.estimatedAtClosing.applicatives',
        /entre 0 et 1 000 000/,
      ],
      [
        { ...request, current: { ...tens, applicatives: '10' } },
        'body.current.applicatives',
        /Nombre de Boîtes Aux Lettres/,
      ],
      [{ current: tens }, 'body.estimatedAtClosing', /obligatoire/],
      [{ ...request, montant: 1 }, 'body.montant', /inconnu/],
    ];
    for (const [body, path, message] of cases) {
      const response = await local.api.post('/v1/funding/advance', body, operator.headers);
      expect(response.status, path).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const error = response.body.errors.find((candidate: { path: string }) => candidate.path === path);
      expect(error?.message, path).toMatch(message);
    }
    const form = await local.api.get('/v1/funding/advance', operator.headers);
    expect(form.body.dossierNumber).toBeNull();
  });

  it('refuses an operator whose enrolment is not validated', async () => {
    const operator = await operatorWith(local, { status: 'DEPOSEE' });
    const response = await local.api.post('/v1/funding/advance', request, operator.headers);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('enrolment_not_validated');
    expect(response.body.enrolmentStatus).toBe('DEPOSEE');
    const form = await local.api.get('/v1/funding/advance', operator.headers);
    expect(form.status).toBe(403);
  });

  it("hides another operator's dossier (404) and shows any dossier to instructors, listed by status", async () => {
    const owner = await operatorWith(local);
    const other = await operatorWith(local);
    const { body } = await local.api.post('/v1/funding/advance', request, owner.headers);
    const stranger = await local.api.get(`/v1/funding/dossiers/${body.number}`, other.headers);
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('dossier_not_found');
    const missing = await local.api.get('/v1/funding/dossiers/FINMSS999999', other.headers);
    expect(missing.body).toMatchObject({
      status: 404,
      code: 'dossier_not_found',
      detail: stranger.body.detail,
    });
    const asp = await instructor(local);
    const seenByAsp = await local.api.get(`/v1/funding/dossiers/${body.number}`, asp.headers);
    expect(seenByAsp.status).toBe(200);
    expect(seenByAsp.body.workflowFailures).toEqual([]);
    const seenByOwner = await local.api.get(`/v1/funding/dossiers/${body.number}`, owner.headers);
    expect(seenByOwner.body).not.toHaveProperty('workflowFailures');
    const list = await local.api.get('/v1/admin/dossiers?status=DECIDEE&limit=100', asp.headers);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { number: string }) => item.number)).toContain(body.number);
    expect((await local.api.get('/v1/admin/dossiers?status=DECIDEE', owner.headers)).status).toBe(403);
    expect((await local.api.get('/v1/admin/dossiers?status=PAYEE', asp.headers)).status).toBe(422);
  });

  it('delivers the decision email once through SES hiccups, and records it as failed when SES keeps refusing', async () => {
    const hiccup = await operatorWith(local);
    await local.injectSesFaults({ failures: 2 });
    const first = await local.api.post('/v1/funding/advance', request, hiccup.headers);
    await local.cloud.settleWorkflows();
    await local.clearSesFaults();
    const delivered = await local.api.get(`/v1/funding/dossiers/${first.body.number}`, hiccup.headers);
    expect(delivered.body.emails).toHaveLength(1);
    expect(delivered.body.emails[0].status).toBe('SENT');
    expect(
      (await local.sentEmails()).filter((email) => email.subject.includes(first.body.number)),
    ).toHaveLength(1);

    const refused = await operatorWith(local);
    await local.injectSesFaults({ always: true, code: 'MessageRejected', status: 400 });
    const second = await local.api.post('/v1/funding/advance', request, refused.headers);
    await local.cloud.settleWorkflows();
    await local.clearSesFaults();
    expect(second.status).toBe(201);
    const failed = await local.api.get(`/v1/funding/dossiers/${second.body.number}`, refused.headers);
    expect(failed.body.status).toBe('DECIDEE');
    expect(failed.body.documents).toHaveLength(1);
    expect(failed.body.emails[0]).toMatchObject({ emailType: 'advanceDecision', status: 'FAILED' });
    const asp = await instructor(local);
    const workflowFailures = (await local.api.get(`/v1/funding/dossiers/${second.body.number}`, asp.headers))
      .body.workflowFailures;
    expect(workflowFailures).toEqual([
      expect.objectContaining({
        workflowId: 'dossierDecided',
        executionName: `${second.body.number}-advance`,
        error: 'Email.Rejected',
      }),
    ]);

    // SES fixed, the instructor re-runs the failed follow-up once: the email goes, the PDF stays one.
    const path = `/v1/admin/dossiers/${second.body.number}/workflow-failures/${second.body.number}-advance/retry`;
    const [rerun, doubleClick] = await Promise.all([
      local.api.post(path, undefined, asp.headers),
      local.api.post(path, undefined, asp.headers),
    ]);
    expect(rerun.status, JSON.stringify(rerun.body)).toBe(200);
    expect(doubleClick.body.executionName).toBe(rerun.body.executionName);
    expect((await local.api.post(path, undefined, refused.headers)).status).toBe(403);
    await local.cloud.settleWorkflows();
    const repaired = await local.api.get(`/v1/funding/dossiers/${second.body.number}`, asp.headers);
    expect(repaired.body.emails).toEqual([
      expect.objectContaining({ emailType: 'advanceDecision', status: 'SENT' }),
    ]);
    expect(repaired.body.documents).toHaveLength(1);
    expect(repaired.body.workflowFailures[0].retriedAs).toBe(rerun.body.executionName);
    expect(
      (await local.sentEmails()).filter((email) => email.subject.includes(second.body.number)),
    ).toHaveLength(1);
    const unknown = await local.api.post(
      `/v1/admin/dossiers/${second.body.number}/workflow-failures/nothing-here/retry`,
      undefined,
      asp.headers,
    );
    expect(unknown.status).toBe(404);
  });

  it('gives 20 operators submitting at once 20 distinct numbers, 20 PDFs and 20 emails', async () => {
    const operators = await Promise.all(Array.from({ length: 20 }, () => operatorWith(local)));
    const started = performance.now();
    const responses = await Promise.all(
      operators.map((operator) => local.api.post('/v1/funding/advance', request, operator.headers)),
    );
    const decidedMs = performance.now() - started;
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const numbers = responses.map((response) => response.body.number as string);
    expect(new Set(numbers).size).toBe(20);
    // Each operator's claim is its own item; the number counter holds its value only.
    const { getItem } = await import('#shared/storage/store.ts');
    const keys = await import('#shared/storage/keys.ts');
    expect(Object.keys((await getItem(keys.counter('FINMSS'))) ?? {}).sort()).toEqual(['type', 'value']);
    const claims = await Promise.all(
      operators.map((operator) => getItem(keys.advanceClaim('MSS-OPERATEURS-2023', operator.siret))),
    );
    expect(claims.map((claim) => (claim as { dossierNumber?: string } | undefined)?.dossierNumber)).toEqual(
      numbers,
    );
    await local.cloud.settleWorkflows();
    console.info(
      `20 concurrent advance requests: all decided in ${decidedMs.toFixed(0)} ms; PDFs and emails done ${(performance.now() - started).toFixed(0)} ms after the first request`,
    );
    const dossiers = await Promise.all(
      operators.map((operator, index) =>
        local.api.get(`/v1/funding/dossiers/${numbers[index]}`, operator.headers),
      ),
    );
    for (const dossier of dossiers) {
      expect(dossier.body.documents).toHaveLength(1);
      expect(dossier.body.emails).toHaveLength(1);
    }
    const sent = await local.sentEmails();
    for (const number of numbers)
      expect(sent.filter((email) => email.subject.includes(number))).toHaveLength(1);
  });
});

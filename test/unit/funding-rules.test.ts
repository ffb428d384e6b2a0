import { describe, expect, it } from 'vitest';
import {
  callInconsistencies,
  closingDateLabel,
  demoFundingCall,
  guideFundingCall,
} from '#shared/funding/call.ts';
import { mailboxCountsSchema } from '#shared/funding/counts.ts';
import { decideAdvance, decideBalance } from '#shared/funding/decisions.ts';
import { addressLines, formatDossierNumber, isDossierNumber } from '#shared/funding/dossier-model.ts';
import { decisionEmail } from '#shared/funding/emails.ts';
import { paymentSummary } from '#shared/funding/payments.ts';
import { guideDossier } from '../support/dossiers.ts';

const call = guideFundingCall();
const dossier = guideDossier();

describe('dossier numbers', () => {
  it('have the guide shape FINMSS + 6 digits', () => {
    expect(formatDossierNumber(7206)).toBe('FINMSS007206');
    expect(formatDossierNumber(1)).toBe('FINMSS000001');
    expect(isDossierNumber('FINMSS007206')).toBe(true);
    expect(isDossierNumber('FINMSS7206')).toBe(false);
    expect(isDossierNumber('ENR0011M0')).toBe(false);
    expect(() => formatDossierNumber(1_000_000)).toThrow(RangeError);
    expect(() => formatDossierNumber(0)).toThrow(RangeError);
  });

  it('print the address as the guide does', () => {
    expect(addressLines(dossier.beneficiary.address)).toEqual(['87 CHEM DE MONS', '59009 VILLENEUVE D ASCQ']);
  });
});

describe('mailbox counts', () => {
  const schema = mailboxCountsSchema('current');
  const messages = (value: unknown) =>
    schema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

  it('accepts whole numbers from 0 to 1 000 000', () => {
    expect(
      schema.safeParse({ applicatives: 0, organisationnelles: 1_000_000, personnelles: 7 }).success,
    ).toBe(true);
  });

  it("names the guide's field in each refusal", () => {
    expect(messages({ applicatives: -1, organisationnelles: 1.5, personnelles: 1_000_001 })).toEqual([
      'applicatives: Le champ « Nombre de Boîtes Aux Lettres (BAL rattachées à des applications) » ne peut pas être négatif.',
      'organisationnelles: Le champ « Nombre de BAL organisationnelles actuelles » doit être un nombre entier.',
      'personnelles: Le champ « Nombre de BAL personnelles actuelles » doit être un nombre entier compris entre 0 et 1 000 000.',
    ]);
    expect(messages({ applicatives: 1, organisationnelles: 1 })).toEqual([
      'personnelles: Le champ « Nombre de BAL personnelles actuelles » est obligatoire.',
    ]);
    expect(messages({ applicatives: 1, organisationnelles: 1, personnelles: Number.NaN })[0]).toMatch(
      /personnelles/,
    );
  });
});

describe('funding call corrections', () => {
  const fields = (call: ReturnType<typeof guideFundingCall>) => {
    const { callId: _callId, version: _version, ...rest } = call;
    return rest;
  };

  it('accepts the guide call and the demo call', () => {
    expect(callInconsistencies(fields(call))).toEqual([]);
    expect(callInconsistencies(fields(demoFundingCall(new Date())))).toEqual([]);
    expect(closingDateLabel(call)).toBe('30/06/2023');
  });

  it('refuses a cap below the fixed part, reversed periods, an advance after the closing date, a balance before it', () => {
    const broken = {
      ...fields(call),
      capCents: 100,
      advanceWindow: { opensAt: '2023-07-10T00:00:00.000Z', closesAt: '2023-07-01T00:00:00.000Z' },
      balanceWindow: { opensAt: '2023-06-30T10:00:00.000Z', closesAt: '2023-12-31T00:00:00.000Z' },
    };
    expect(callInconsistencies(broken).map((error) => error.path)).toEqual([
      'body.advanceWindow.closesAt',
      'body.capCents',
      'body.advanceWindow.closesAt',
      'body.balanceWindow.opensAt',
    ]);
  });
});

describe('the decision email', () => {
  it('is French, carries the number, date, status and amounts, in HTML and text', () => {
    const email = decisionEmail(
      dossier,
      'advance',
      { prenom: 'Marie', nom: 'Dupont' },
      'https://portail.test',
    );
    expect(email.subject).toBe(
      'Portail Ségur Numérique — Décision d’attribution de l’avance — dossier FINMSS007206',
    );
    for (const body of [email.text, email.html]) {
      expect(body).toContain('FINMSS007206');
      expect(body).toContain('09/11/2022');
      expect(body).toContain('Décidée');
      expect(body).toMatch(/8\s000,00\s€/);
      expect(body).toContain('decision_attribution_FINMSS007206.pdf');
      expect(body).toContain('https://portail.test/financement/dossiers/FINMSS007206');
    }
    expect(email.text).toContain('Bonjour Marie Dupont,');
    expect(email.html).not.toContain('FR76');
  });

  it('escapes what the operator typed', () => {
    const hostile = {
      ...dossier,
      beneficiary: { ...dossier.beneficiary, denominationSociale: '<script>x</script>' },
    };
    const email = decisionEmail(hostile, 'advance', { prenom: 'A', nom: 'B' }, 'https://portail.test');
    expect(email.html).not.toContain('<script>');
  });
});

describe('payment status', () => {
  it('shows the advance to pay, the balance not decided, then each one launched', () => {
    const before = paymentSummary(dossier, []);
    expect(before.items.map((item) => item.status)).toEqual(['A_PAYER', 'NON_DECIDE']);
    expect(before.paidTtc).toBe('0.00');
    const launched = paymentSummary(dossier, [
      {
        kind: 'AVANCE',
        dossierNumber: dossier.number,
        amount: dossier.advance.decided,
        ibanMasked: '**** 0189',
        status: 'MIS_EN_PAIEMENT',
        launchedAt: '2022-11-10T10:00:00.000Z',
        launchedBy: 'instructor',
      },
    ]);
    expect(launched.items[0]?.statusLabel).toBe('Mis en paiement le 10/11/2022');
    expect(launched.paidTtc).toBe('8000.00');
  });
});

describe('the automatic decisions', () => {
  const call = guideFundingCall();
  const source = {
    enrolment: { id: 'enrolment-1' },
    referencing: {
      number: 'zbuMSS0046',
      dsr: { couloir: 'MSS', label: 'MSS Opérateurs', typeLogiciel: 'Opérateur MSS', vague: 'Vague 1' },
      solutionName: 'Messagerie',
      developerSiret: '39177919600040',
      developerName: 'PROCIVIS IMMOBILIER',
    },
    applicant: {
      siret: '39177919600040',
      denominationSociale: 'PROCIVIS IMMOBILIER',
      registeredDenomination: 'PROCIVIS IMMOBILIER',
      nomCommercial: 'Procivis',
      address: dossier.beneficiary.address,
      isBuyerOperator: false,
      isLegalRepresentative: true,
      representative: { nom: 'Dupont', prenom: 'Marie', email: 'm@example.fr', telephone: '0102030405' },
    },
    vat: { regime: 'TTC_8_5' as const },
  };
  const counts = {
    current: { applicatives: 1, organisationnelles: 2, personnelles: 3 },
    estimatedAtClosing: { applicatives: 100, organisationnelles: 0, personnelles: 0 },
  };

  it('decides the advance at the fixed part, whatever the counts, keeping what the decision applied', () => {
    const decided = decideAdvance(
      { accountId: 'a', number: 'FINMSS000042', counts, at: '2026-11-27T10:00:00.000Z' },
      source,
      call,
    );
    expect(decided).toMatchObject({ number: 'FINMSS000042', status: 'DECIDEE', callVersion: 1, version: 1 });
    expect(decided.advance.decided).toEqual({ htCents: 666_667, tvaCents: 56_667, ttcCents: 723_334 });
    expect(decided.advance.estimatedTotal.htCents).toBe(666_667 + 100 * 5_833);
    expect(decided.advance).toMatchObject({
      ...counts,
      closingDate: '2023-06-30',
      depositedAt: '2026-11-27T10:00:00.000Z',
    });
    expect(decided.beneficiary).toMatchObject({
      siret: '39177919600040',
      referencingNumber: 'zbuMSS0046',
      vatRegime: 'TTC_8_5',
    });
  });

  it('decides the balance from the counts reached, at the regime of the advance', () => {
    const advance = decideAdvance(
      { accountId: 'a', number: 'FINMSS000042', counts, at: '2026-11-27T10:00:00.000Z' },
      source,
      call,
    );
    const reached = { applicatives: 0, organisationnelles: 0, personnelles: 10 };
    const balanced = decideBalance(advance, reached, { ...call, version: 3 }, '2027-07-02T08:00:00.000Z');
    expect(balanced.status).toBe('SOLDE_DECIDE');
    expect(balanced.balance).toMatchObject({ reachedAtClosing: reached, callVersion: 3 });
    // 5 000 cents HT more than the advance: 5 425 TTC at 8.5 %, to the cent against the total.
    expect(balanced.balance?.decided).toEqual({ htCents: 5_000, tvaCents: 425, ttcCents: 5_425 });
    expect(balanced.advance).toEqual(advance.advance);
  });
});

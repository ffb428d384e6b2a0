import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { totalHtCents, withVat } from '#shared/funding/amounts.ts';
import { guideFundingCall } from '#shared/funding/call.ts';
import { advanceDecisionContent, balanceDecisionContent } from '#shared/funding/decision-content.ts';
import { renderDecisionPdf } from '#shared/funding/decision-pdf.ts';
import { maskIban } from '#shared/funding/iban.ts';
import { TEN_OF_EACH as counts, guideDossier } from '../support/dossiers.ts';
import { readPdf } from '../support/pdf.ts';

const call = guideFundingCall();

const dossier = guideDossier;

const balanceDossier = () => {
  const total = withVat(totalHtCents(call, counts), 'TTC_20');
  return dossier({
    status: 'SOLDE_DECIDE',
    balance: {
      reachedAtClosing: counts,
      total,
      decided: {
        htCents: total.htCents - 666_667,
        tvaCents: total.tvaCents - 133_333,
        ttcCents: total.ttcCents - 800_000,
      },
      depositedAt: '2023-07-03T08:00:00.000Z',
      decidedAt: '2023-07-03T08:00:00.000Z',
      callVersion: 1,
    },
  });
};

describe('IBAN masking', () => {
  it('groups by four from the start as banks print it, only the last four characters visible', () => {
    expect(maskIban('FR76 3000 6000 0112 3456 7890 189')).toBe('**** **** **** **** **** ***0 189');
    expect(maskIban('FR7630004000031234567890143')).toBe('**** **** **** **** **** ***0 143');
    expect(maskIban('de89 3704 0044 0532 0130 00')).toBe('**** **** **** **** **30 00');
    expect(maskIban('MC5811222000010123456789030')).toBe('**** **** **** **** **** ***9 030');
  });
});

describe("the decision d'attribution PDF", () => {
  it('opens, has pages, and carries the number, SIRET, amounts, IBAN tail and legal basis', async () => {
    const started = performance.now();
    const bytes = await renderDecisionPdf(
      advanceDecisionContent(dossier(), call, {
        number: 'ENR0011M0',
        maskedIban: maskIban('FR7630006000011234567890189'),
      }),
    );
    const elapsed = performance.now() - started;
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await readPdf(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('FINMSS007206');
    expect(text).toContain('39177919600040');
    expect(text).toContain('zbuMSS0046');
    expect(text).toContain('PROCIVIS IMMOBILIER');
    expect(text).toMatch(/8\s000,00\s€ TTC/);
    expect(text).toMatch(/6\s666,67\s€/);
    expect(text).toMatch(/1\s333,33\s€/);
    expect(text).toContain('***0 189');
    expect(text).not.toContain('3000 6000');
    expect(text).toContain('arrêté du 9 septembre 2022');
    expect(text).toContain('Agence de Services et de Paiement');
    expect(text).toContain('09/11/2022');
    expect(text).toContain("Numéro de la demande d'enrôlement ENR0011M0");
    expect(text).toContain("déclaré dans la demande d'enrôlement ENR0011M0");
    console.info(
      `decision PDF: ${bytes.length} bytes, ${elapsed.toFixed(1)} ms (first render, fonts included)`,
    );
    expect(bytes.length).toBeLessThan(60_000);
  });

  it('keeps French characters (é, è, à, ç, œ, « », €) and replaces what WinAnsi cannot encode', async () => {
    const content = advanceDecisionContent(
      dossier({
        beneficiary: { ...dossier().beneficiary, denominationSociale: 'SŒUR & CŒUR SANTÉ Łódź ÇA' },
      }),
      call,
      { number: 'ENR0011M0', maskedIban: '**** 0189' },
    );
    const { text } = await readPdf(await renderDecisionPdf(content));
    expect(text).toContain('SŒUR & CŒUR SANTÉ ?ód? ÇA');
    expect(text).toContain('Décision d’attribution'.replace('’', "'"));
  });

  it('renders the balance decision with total, advance and balance', async () => {
    const withBalance = balanceDossier();
    const { text } = await readPdf(
      await renderDecisionPdf(
        balanceDecisionContent(withBalance, call, { number: 'ENR0011M0', maskedIban: '**** 0189' }),
      ),
    );
    expect(text).toContain('solde');
    expect(text).toMatch(/9\s009,92\s€/); // 750 827 HT × 1.2 = 900 992.4 → 900 992
    expect(text).toMatch(/1\s009,92\s€/);
  });

  it('continues on further pages when the legal basis grows, losing nothing', async () => {
    const long = {
      ...call,
      legalBasis: Array.from({ length: 60 }, (_, i) => `Vu le texte de référence n° ${i + 1} ;`),
    };
    const { pages, text } = await readPdf(
      await renderDecisionPdf(
        advanceDecisionContent(dossier(), long, { number: 'ENR0011M0', maskedIban: '**** 0189' }),
      ),
    );
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Vu le texte de référence n° 60 ;');
    expect(text).toContain('FINMSS007206');
    expect(text).toMatch(/Fait à Limoges, le 09\/11\/2022/);
  });

  it('renders in a few milliseconds once warm', async () => {
    const content = advanceDecisionContent(dossier(), call, { number: 'ENR0011M0', maskedIban: '**** 0189' });
    await renderDecisionPdf(content);
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) await renderDecisionPdf(content);
    const average = (performance.now() - started) / runs;
    console.info(`decision PDF warm render: ${average.toFixed(1)} ms on average over ${runs}`);
    expect(average).toBeLessThan(250);
  });

  it('right-aligns the amounts in their column and never cuts the IBAN across two lines', async () => {
    const bytes = await renderDecisionPdf(
      balanceDecisionContent(balanceDossier(), call, {
        number: 'ENR0011M0',
        maskedIban: maskIban('FR7630006000011234567890189'),
      }),
    );
    const document = await getDocumentProxy(new Uint8Array(bytes));
    const items = (await (await document.getPage(1)).getTextContent()).items.flatMap((item) =>
      'str' in item
        ? [{ text: item.str.replaceAll('\u00a0', ' '), x: item.transform[4] as number, width: item.width }]
        : [],
    );
    const amounts = items.filter((item) => /^[\d ]+,\d\d €$/.test(item.text));
    expect(amounts.map((item) => item.text)).toEqual([
      '7 508,27 €',
      '1 501,65 €',
      '9 009,92 €',
      '8 000,00 €',
      '841,60 €',
      '168,32 €',
      '1 009,92 €',
    ]);
    expect(new Set(amounts.map((item) => Math.round(item.x + item.width)))).toEqual(new Set([400]));
    const ibanLines = items.filter((item) => item.text.includes('***'));
    expect(ibanLines.map((item) => item.text)).toEqual([
      '**** **** **** **** **** ***0 189',
      'ENR0011M0 (IBAN **** **** **** **** **** ***0 189).',
    ]);
  });
});

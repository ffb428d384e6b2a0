import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VAT_REGIME_CODES } from '#shared/enrolment/vat.ts';
import {
  advanceHtCents,
  balanceAmount,
  displayed,
  formatCents,
  formatEuros,
  totalHtCents,
  ttcCents,
  vatRateLabel,
  withVat,
} from '#shared/funding/amounts.ts';
import { demoFundingCall, guideFundingCall, isWithin } from '#shared/funding/call.ts';
import { MAILBOX_KINDS, MAX_MAILBOX_COUNT, type MailboxCounts } from '#shared/funding/counts.ts';

const call = guideFundingCall();
const none: MailboxCounts = { applicatives: 0, organisationnelles: 0, personnelles: 0 };
const count = fc.integer({ min: 0, max: MAX_MAILBOX_COUNT });
const counts = fc.record({ applicatives: count, organisationnelles: count, personnelles: count });
const regime = fc.constantFrom(...VAT_REGIME_CODES);

describe('the funding call of the guide', () => {
  it('holds the arrêté figures in cents: 6 666.67 fixed, 58.33 / 20.83 / 5.00 per BAL, cap 250 000', () => {
    expect(call.fixedPartCents).toBe(666_667);
    expect(call.ratesCents).toEqual({ applicatives: 5_833, organisationnelles: 2_083, personnelles: 500 });
    expect(call.capCents).toBe(25_000_000);
    expect(call.closingDate).toBe('2023-06-30');
  });

  it('moves the demo dates around today: advance open now, balance after the closing date', () => {
    const today = new Date('2026-11-27T10:00:00Z');
    const demo = demoFundingCall(today);
    expect(isWithin(demo.advanceWindow, today)).toBe(true);
    expect(isWithin(demo.balanceWindow, today)).toBe(false);
    expect(demo.closingDate > '2026-11-27').toBe(true);
    expect(Date.parse(demo.balanceWindow.opensAt)).toBeGreaterThan(
      Date.parse(`${demo.closingDate}T23:59:59Z`),
    );
    expect(demo.fixedPartCents).toBe(call.fixedPartCents);
  });
});

describe('the advance (fixed part) for each VAT regime', () => {
  it('is 8 000.00 TTC at 20 %, as the guide shows', () => {
    expect(displayed(withVat(advanceHtCents(call), 'TTC_20'))).toEqual({
      htCents: 666_667,
      tvaCents: 133_333,
      ttcCents: 800_000,
      ht: '6666.67',
      tva: '1333.33',
      ttc: '8000.00',
    });
  });

  it('is 7 233.34 TTC at 8.5 % (723 333.695 cents rounded half-up)', () => {
    expect(withVat(666_667, 'TTC_8_5')).toEqual({ htCents: 666_667, tvaCents: 56_667, ttcCents: 723_334 });
  });

  it('is 6 666.67 at 0 % and for HT beneficiaries (no VAT)', () => {
    for (const code of ['TTC_0', 'HT'] as const) {
      expect(withVat(666_667, code)).toEqual({ htCents: 666_667, tvaCents: 0, ttcCents: 666_667 });
    }
  });

  it('labels the applicable rate as the guide does', () => {
    expect(vatRateLabel('TTC_20')).toBe('20 %');
    expect(vatRateLabel('TTC_8_5')).toBe('8,5 %');
    expect(vatRateLabel('TTC_0')).toBe('0 %');
    expect(vatRateLabel('HT')).toMatch(/^HT/);
  });
});

describe('rounding at the cent', () => {
  it('rounds half-up: 0.5 cent goes up, below stays down', () => {
    expect(ttcCents(25, 2000)).toBe(30); // exact
    expect(ttcCents(1, 5000)).toBe(2); // 1.5 → 2
    expect(ttcCents(1, 4999)).toBe(1); // 1.4999 → 1
    expect(ttcCents(100, 850)).toBe(109); // 108.5 → 109
    expect(ttcCents(3, 850)).toBe(3); // 3.255 → 3
    expect(ttcCents(7, 850)).toBe(8); // 7.595 → 8
  });

  it('refuses fractional or negative cents instead of silently rounding them', () => {
    expect(() => ttcCents(1.5, 2000)).toThrow(RangeError);
    expect(() => ttcCents(-1, 2000)).toThrow(RangeError);
  });

  it('formats with two decimals, always', () => {
    expect(formatCents(800_000)).toBe('8000.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(123_450)).toBe('1234.50');
    expect(formatEuros(800_000)).toBe('8\u00a0000,00\u00a0€');
    expect(formatEuros(25_000_000)).toBe('250\u00a0000,00\u00a0€');
    expect(formatEuros(7)).toBe('0,07\u00a0€');
  });
});

describe('the total funding formula', () => {
  it('adds 58.33 per applicative, 20.83 per organisationnelle and 5.00 per personnelle BAL to the fixed part', () => {
    expect(totalHtCents(call, none)).toBe(666_667);
    expect(totalHtCents(call, { applicatives: 10, organisationnelles: 10, personnelles: 10 })).toBe(
      666_667 + 58_330 + 20_830 + 5_000,
    );
    expect(totalHtCents(call, { applicatives: 1, organisationnelles: 0, personnelles: 0 })).toBe(672_500);
  });

  it('stops at the cap of 250 000.00 HT', () => {
    // 4 171 applicative BAL: 243 294.43 + 6 666.67 = 249 961.10; 4 172: 250 019.43, over the cap.
    expect(totalHtCents(call, { applicatives: 4_171, organisationnelles: 0, personnelles: 0 })).toBe(
      24_996_110,
    );
    expect(totalHtCents(call, { applicatives: 4_172, organisationnelles: 0, personnelles: 0 })).toBe(
      25_000_000,
    );
    expect(withVat(25_000_000, 'TTC_20').ttcCents).toBe(30_000_000);
  });

  it('is monotonic in each count', () => {
    fc.assert(
      fc.property(
        counts,
        fc.constantFrom(...MAILBOX_KINDS),
        fc.integer({ min: 1, max: 1000 }),
        (base, kind, extra) => {
          const more = { ...base, [kind]: base[kind] + extra };
          expect(totalHtCents(call, more)).toBeGreaterThanOrEqual(totalHtCents(call, base));
        },
      ),
    );
  });

  it('never exceeds the cap, never falls below the fixed part', () => {
    fc.assert(
      fc.property(counts, (declared) => {
        const total = totalHtCents(call, declared);
        expect(total).toBeLessThanOrEqual(call.capCents);
        expect(total).toBeGreaterThanOrEqual(call.fixedPartCents);
        expect(Number.isInteger(total)).toBe(true);
      }),
    );
  });

  it('gives TTC ≥ HT with TVA = TTC − HT in whole cents, for every regime', () => {
    fc.assert(
      fc.property(counts, regime, (declared, code) => {
        const amount = withVat(totalHtCents(call, declared), code);
        expect(amount.ttcCents).toBeGreaterThanOrEqual(amount.htCents);
        expect(amount.tvaCents).toBe(amount.ttcCents - amount.htCents);
        expect(Number.isInteger(amount.ttcCents)).toBe(true);
      }),
    );
  });
});

describe('the balance', () => {
  const advance = withVat(advanceHtCents(call), 'TTC_20');

  it('is the formula at the closing date minus the advance', () => {
    const reached = { applicatives: 10, organisationnelles: 10, personnelles: 10 };
    const { total, balance } = balanceAmount(call, reached, 'TTC_20', advance);
    expect(total.htCents).toBe(750_827);
    expect(balance.htCents).toBe(750_827 - 666_667);
    expect(balance.ttcCents).toBe(total.ttcCents - 800_000);
  });

  it('is zero when no mailbox was reached (the advance already covers the fixed part)', () => {
    expect(balanceAmount(call, none, 'TTC_8_5', withVat(666_667, 'TTC_8_5')).balance).toEqual({
      htCents: 0,
      tvaCents: 0,
      ttcCents: 0,
    });
  });

  it('adds up with the advance to the capped total, to the cent, for every regime', () => {
    fc.assert(
      fc.property(counts, regime, (reached, code) => {
        const paidAdvance = withVat(advanceHtCents(call), code);
        const { total, balance } = balanceAmount(call, reached, code, paidAdvance);
        expect(paidAdvance.ttcCents + balance.ttcCents).toBe(total.ttcCents);
        expect(paidAdvance.htCents + balance.htCents).toBe(total.htCents);
        expect(total.htCents).toBeLessThanOrEqual(call.capCents);
        expect(balance.ttcCents).toBeGreaterThanOrEqual(balance.htCents);
      }),
    );
  });
});

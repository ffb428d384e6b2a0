/**
 * Funding amounts (DESIGN §2). Money is integer cents; a rate is basis points (2000 = 20 %).
 *   total HT = min(Σ rate(kind) × count(kind) + fixed part ; cap)
 *   advance  = the fixed part
 *   balance  = total HT at the closing date − advance (never below zero)
 *   TTC      = HT × (1 + rate), rounded half-up to the cent; TVA = TTC − HT
 * Pure: no I/O.
 */
import { VAT_REGIMES, type VatRegime } from '../enrolment/vat.ts';
import type { FundingCall } from './call.ts';
import { MAILBOX_KINDS, type MailboxCounts } from './counts.ts';

const BASIS_POINTS = 10_000;

export interface Amount {
  htCents: number;
  tvaCents: number;
  ttcCents: number;
}

/** An amount with its display strings (always two decimals, as the guide shows: 8000.00). */
export interface DisplayedAmount extends Amount {
  ht: string;
  tva: string;
  ttc: string;
}

/** HT × (10 000 + rate) / 10 000, rounded half-up, in exact integer arithmetic. */
export function ttcCents(htCents: number, rateBasisPoints: number): number {
  if (!Number.isSafeInteger(htCents) || htCents < 0) throw new RangeError('HT must be whole cents ≥ 0');
  const scaled = htCents * (BASIS_POINTS + rateBasisPoints);
  if (!Number.isSafeInteger(scaled)) throw new RangeError('Amount too large');
  return Math.floor((scaled + BASIS_POINTS / 2) / BASIS_POINTS);
}

export function withVat(htCents: number, regime: VatRegime): Amount {
  const ttc = ttcCents(htCents, VAT_REGIMES[regime].rateBasisPoints);
  return { htCents, tvaCents: ttc - htCents, ttcCents: ttc };
}

/** The formula before the cap: fixed part + Σ rate × count. */
export const uncappedHtCents = (call: FundingCall, counts: MailboxCounts): number =>
  MAILBOX_KINDS.reduce((sum, kind) => sum + call.ratesCents[kind] * counts[kind], call.fixedPartCents);

/** Total eligible funding HT for the mailbox counts at the closing date, capped. */
export const totalHtCents = (call: FundingCall, counts: MailboxCounts): number =>
  Math.min(uncappedHtCents(call, counts), call.capCents);

/** The advance: the fixed part (never above the cap, should the call be corrected that way). */
export const advanceHtCents = (call: FundingCall): number => Math.min(call.fixedPartCents, call.capCents);

/**
 * The balance. Its TTC is total TTC − advance TTC, so that advance + balance equals the total
 * to the cent whatever the rounding of each part.
 */
export function balanceAmount(call: FundingCall, reached: MailboxCounts, regime: VatRegime, advance: Amount) {
  const total = withVat(totalHtCents(call, reached), regime);
  const htCents = Math.max(total.htCents - advance.htCents, 0);
  const ttc = Math.max(total.ttcCents - advance.ttcCents, 0);
  return { total, balance: { htCents, tvaCents: ttc - htCents, ttcCents: ttc } satisfies Amount };
}

/** 800000 → "8000.00": the API's display form (the guide's "Montant fixe éligible : 8000.00"). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** 800000 → "8 000,00 €": the French form printed in decisions and emails. */
export function formatEuros(cents: number): string {
  const [units = '0', decimals = '00'] = formatCents(cents).split('.');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${grouped},${decimals}\u00a0€`;
}

export const displayed = (amount: Amount): DisplayedAmount => ({
  ...amount,
  ht: formatCents(amount.htCents),
  tva: formatCents(amount.tvaCents),
  ttc: formatCents(amount.ttcCents),
});

/** "20 %", "8,5 %", "0 %", or "HT (non assujetti)" — the applicable VAT rate as the guide labels it. */
export function vatRateLabel(regime: VatRegime): string {
  if (regime === 'HT') return 'HT (non assujetti à la TVA)';
  const rate = VAT_REGIMES[regime].rateBasisPoints / 100;
  return `${String(rate).replace('.', ',')} %`;
}

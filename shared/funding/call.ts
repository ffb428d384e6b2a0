/**
 * The MSS operators' funding call as data (DESIGN §2): amounts, rates, cap and dates live in one
 * versioned configuration record (keys.fundingCall) so ASP can correct them without a release.
 * Pure: no I/O.
 */
import { formatDate } from '../email/layout.ts';
import type { MailboxKind } from './counts.ts';

/** The one call this portal serves today; other calls would be other records. */
export const MSS_CALL_ID = 'MSS-OPERATEURS-2023';

/** An inclusive [opensAt, closesAt] period, ISO 8601 instants. */
export interface Period {
  opensAt: string;
  closesAt: string;
}

export interface FundingCall {
  callId: string;
  /** Optimistic-locking version of the record; decisions keep the version they applied. */
  version: number;
  label: string;
  /** Fixed part per operator, in cents HT: the advance. */
  fixedPartCents: number;
  /** Amount per mailbox of each kind, in cents HT. */
  ratesCents: Record<MailboxKind, number>;
  /** Ceiling of the total funding per operator, in cents HT. */
  capCents: number;
  /** Date at which mailboxes are counted (YYYY-MM-DD, Europe/Paris). */
  closingDate: string;
  /** When an advance request may be filed. */
  advanceWindow: Period;
  /** When the balance request may be filed (after the closing date). */
  balanceWindow: Period;
  /** Legal basis printed on decisions ("Vu …"). */
  legalBasis: string[];
  /** When and by which instructor account this version was made (absent on the seeded version 1). */
  correctedAt?: string;
  correctedBy?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = (instant: Date) => instant.toISOString().slice(0, 10);
const startOfDay = (date: string) => `${date}T00:00:00.000Z`;
const endOfDay = (date: string) => `${date}T23:59:59.999Z`;

const LEGAL_BASIS = [
  "Vu l'arrêté du 9 septembre 2022 relatif au programme de financement des opérateurs de messagerie sécurisée de santé au titre du Ségur du numérique en santé ;",
  "Vu l'appel à financement des opérateurs MSSanté et ses conditions d'éligibilité ;",
  "Vu la demande d'enrôlement validée par l'Agence de Services et de Paiement (ASP) ;",
];

/** The call as the guide and the arrêté state it: closing date 30/06/2023. */
export const guideFundingCall = (): FundingCall => ({
  callId: MSS_CALL_ID,
  version: 1,
  label: 'Appel à financement des opérateurs MSSanté — Ségur du numérique en santé',
  fixedPartCents: 666_667,
  ratesCents: { applicatives: 5_833, organisationnelles: 2_083, personnelles: 500 },
  capCents: 25_000_000,
  closingDate: '2023-06-30',
  advanceWindow: { opensAt: startOfDay('2022-09-09'), closesAt: endOfDay('2023-06-30') },
  balanceWindow: { opensAt: startOfDay('2023-07-01'), closesAt: endOfDay('2023-12-31') },
  legalBasis: LEGAL_BASIS,
});

/**
 * The same call with its dates moved relative to `today`, so the whole flow can be tried now:
 * advances open since 30 days, closing date in 90 days, balance window the 6 months after.
 */
export function demoFundingCall(today: Date): FundingCall {
  const at = (days: number) => isoDate(new Date(today.getTime() + days * DAY_MS));
  const closingDate = at(90);
  return {
    ...guideFundingCall(),
    closingDate,
    advanceWindow: { opensAt: startOfDay(at(-30)), closesAt: endOfDay(closingDate) },
    balanceWindow: { opensAt: startOfDay(at(91)), closesAt: endOfDay(at(90 + 183)) },
  };
}

/** "30/06/2023": the closing date as the guide prints it. */
export const closingDateLabel = (call: Pick<FundingCall, 'closingDate'>) =>
  formatDate(`${call.closingDate}T12:00:00Z`);

export const isWithin = (period: Period, now: Date): boolean =>
  now.getTime() >= Date.parse(period.opensAt) && now.getTime() <= Date.parse(period.closesAt);

/** Consistency rules of a corrected call, as field errors (French, naming the field). */
export function callInconsistencies(call: Omit<FundingCall, 'callId' | 'version'>) {
  const errors: { path: string; message: string }[] = [];
  const endOfClosingDay = Date.parse(endOfDay(call.closingDate));
  for (const name of ['advanceWindow', 'balanceWindow'] as const) {
    if (Date.parse(call[name].opensAt) >= Date.parse(call[name].closesAt)) {
      errors.push({
        path: `body.${name}.closesAt`,
        message: 'La fin de la période doit suivre son ouverture.',
      });
    }
  }
  if (call.capCents < call.fixedPartCents) {
    errors.push({ path: 'body.capCents', message: 'Le plafond ne peut pas être inférieur à la part fixe.' });
  }
  if (Date.parse(call.advanceWindow.closesAt) > endOfClosingDay) {
    errors.push({
      path: 'body.advanceWindow.closesAt',
      message: "Les demandes d'avance doivent être closes au plus tard à la date de clôture.",
    });
  }
  if (Date.parse(call.balanceWindow.opensAt) <= endOfClosingDay) {
    errors.push({
      path: 'body.balanceWindow.opensAt',
      message: 'Les demandes de solde ne peuvent ouvrir qu’après la date de clôture.',
    });
  }
  return errors;
}

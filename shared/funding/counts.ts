/**
 * Mailbox (BAL) counts an operator declares: applicatives, organisationnelles, personnelles,
 * current and estimated at the closing date (advance), or reached at the closing date (balance).
 */
import * as z from 'zod/mini';
import { labelled } from '../schema-labels.ts';

export const MAILBOX_KINDS = ['applicatives', 'organisationnelles', 'personnelles'] as const;
export type MailboxKind = (typeof MAILBOX_KINDS)[number];
export type MailboxCounts = Record<MailboxKind, number>;

/** Well above any operator's real volume (the whole MSSanté space holds a few hundred thousand). */
export const MAX_MAILBOX_COUNT = 1_000_000;

/** The guide's labels of the six fields of the advance request form, plus the balance's. */
export const COUNT_LABELS = {
  current: {
    applicatives: 'Nombre de Boîtes Aux Lettres (BAL rattachées à des applications)',
    organisationnelles: 'Nombre de BAL organisationnelles actuelles',
    personnelles: 'Nombre de BAL personnelles actuelles',
  },
  estimatedAtClosing: {
    applicatives: 'Nombre de BAL applicatives estimées à la date de clôture',
    organisationnelles: 'Nombre de BAL organisationnelles estimées à la date de clôture',
    personnelles: 'Nombre de BAL personnelles estimées à la date de clôture',
  },
  reachedAtClosing: {
    applicatives: 'Nombre de BAL applicatives atteintes à la date de clôture',
    organisationnelles: 'Nombre de BAL organisationnelles atteintes à la date de clôture',
    personnelles: 'Nombre de BAL personnelles atteintes à la date de clôture',
  },
} as const satisfies Record<string, Record<MailboxKind, string>>;

/** One count: a required whole number between 0 and MAX_MAILBOX_COUNT, errors naming the guide's field. */
function mailboxCount(label: string) {
  const range = 'un nombre entier compris entre 0 et 1 000 000';
  return z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? `Le champ « ${label} » est obligatoire.`
          : `Le champ « ${label} » doit être ${range}.`,
    })
    .check(
      z.refine((value) => Number.isInteger(value), {
        error: `Le champ « ${label} » doit être un nombre entier.`,
      }),
      z.refine((value) => value >= 0, { error: `Le champ « ${label} » ne peut pas être négatif.` }),
      z.refine((value) => value <= MAX_MAILBOX_COUNT, { error: `Le champ « ${label} » doit être ${range}.` }),
    );
}

/** The guide's headings of the form's columns. */
const COUNT_GROUP_LABELS = {
  current: 'Volumes des boîtes aux lettres actuelles',
  estimatedAtClosing: 'Volumes des boîtes aux lettres estimées à la date de clôture',
  reachedAtClosing: 'Volumes des boîtes aux lettres atteints à la date de clôture',
} as const satisfies Record<keyof typeof COUNT_LABELS, string>;

/** The three counts of one column of the form, strict (unknown fields refused). */
export const mailboxCountsSchema = (column: keyof typeof COUNT_LABELS) =>
  labelled(
    z.strictObject({
      applicatives: mailboxCount(COUNT_LABELS[column].applicatives),
      organisationnelles: mailboxCount(COUNT_LABELS[column].organisationnelles),
      personnelles: mailboxCount(COUNT_LABELS[column].personnelles),
    }),
    COUNT_GROUP_LABELS[column],
  );

/**
 * The dossier as its owner and instructors read it: the guide's last screens (récapitulatif,
 * information de la demande, pièces justificatives, courriels automatiques envoyés) plus the
 * payment status. Built from one Query of the dossier's partition (the dossier keeps what the
 * decision applied, so the view needs no other read).
 */
import { toEmailView } from '../email/email-types.ts';
import { formatDate } from '../email/layout.ts';
import type { EmailRecord } from '../email/record-model.ts';
import type { WorkflowFailure } from '../workflows/failure-model.ts';
import { toFailureView } from '../workflows/failure-repository.ts';
import { type Amount, displayed, vatRateLabel } from './amounts.ts';
import {
  addressLines,
  DOSSIER_STATUS_LABELS,
  type Dossier,
  type DossierDocument,
  type DossierDocumentKind,
} from './dossier-model.ts';
import { type Payment, paymentSummary } from './payments.ts';

const amountView = (amount: Amount) => displayed(amount);

/** Short-lived download links, computed by the caller (presigning needs the S3 client). */
export type DocumentLinks = Partial<Record<DossierDocumentKind, { url: string; expiresAt: string }>>;

function documentView(document: DossierDocument, links: DocumentLinks) {
  const download = links[document.kind];
  if (!download) return [];
  return [
    {
      kind: document.kind,
      fileName: document.fileName,
      type: document.fileName.replace(/\.pdf$/, ''),
      contentType: document.contentType,
      size: document.size,
      depositedAt: document.createdAt,
      depositedOn: formatDate(document.createdAt),
      download,
    },
  ];
}

/** A stored child item without its entity type, as the API shows it. */
const withoutType = <T>(item: Record<string, unknown>) => {
  const { type: _type, ...data } = item;
  return data as T;
};

/**
 * `withIncidents`: instructors also see the follow-ups that failed (PDF, email), to act on them;
 * the operator sees their outcome only (a missing document, an email not sent).
 */
export function dossierView(
  dossier: Dossier,
  children: Record<string, unknown>[],
  links: DocumentLinks,
  options: { withIncidents?: boolean } = {},
) {
  const failures = children
    .filter((item) => item.type === 'WorkflowFailure')
    .map((item) => toFailureView(withoutType<WorkflowFailure>(item)));
  const emails = children
    .filter((item) => item.type === 'Email')
    .map((item) => withoutType<EmailRecord>(item));
  const payments = children
    .filter((item) => item.type === 'Payment')
    .map((item) => withoutType<Payment>(item));
  const { beneficiary, advance, balance } = dossier;
  return {
    number: dossier.number,
    status: dossier.status,
    statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
    callId: dossier.callId,
    callVersion: dossier.callVersion,
    version: dossier.version,
    summary: {
      referencingNumber: beneficiary.referencingNumber,
      siret: beneficiary.siret,
      denominationSociale: beneficiary.denominationSociale,
      address: beneficiary.address,
      addressLines: addressLines(beneficiary.address),
      dossierNumber: dossier.number,
      depositedAt: advance.depositedAt,
      depositedOn: formatDate(advance.depositedAt),
      status: dossier.status,
      statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
    },
    advance: {
      vatRegime: beneficiary.vatRegime,
      vatRateLabel: vatRateLabel(beneficiary.vatRegime),
      fixedEligibleAmount: amountView(advance.decided),
      current: advance.current,
      estimatedAtClosing: advance.estimatedAtClosing,
      estimatedTotal: amountView(advance.estimatedTotal),
      decidedAmount: amountView(advance.decided),
      decidedAt: advance.decidedAt,
      closingDate: advance.closingDate,
    },
    balance: balance
      ? {
          reachedAtClosing: balance.reachedAtClosing,
          total: amountView(balance.total),
          decidedAmount: amountView(balance.decided),
          depositedAt: balance.depositedAt,
          depositedOn: formatDate(balance.depositedAt),
          decidedAt: balance.decidedAt,
          callVersion: balance.callVersion,
        }
      : null,
    documents: Object.values(dossier.documents)
      .filter((document): document is DossierDocument => document !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .flatMap((document) => documentView(document, links)),
    emails: emails.sort((a, b) => a.firstAttemptAt.localeCompare(b.firstAttemptAt)).map(toEmailView),
    payment: paymentSummary(dossier, payments),
    ...(options.withIncidents ? { workflowFailures: failures.sort((a, b) => a.at.localeCompare(b.at)) } : {}),
  };
}

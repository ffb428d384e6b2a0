/**
 * The dossier as its owner and instructors read it: the guide's last screens (récapitulatif,
 * information de la demande, pièces justificatives, courriels automatiques envoyés) plus the
 * payment status. Built from one Query of the dossier's partition (the dossier keeps what the
 * decision applied, so the view needs no other read).
 */
import { formatDate } from '../email/layout.ts';
import { type Amount, displayed, vatRateLabel } from './amounts.ts';
import {
  addressLines,
  DOSSIER_STATUS_LABELS,
  type Dossier,
  type DossierDocument,
  type DossierDocumentKind,
} from './dossier.ts';
import { FUNDING_EMAIL_LABELS } from './emails.ts';
import { type Payment, paymentSummary } from './payments.ts';

/** A recorded email item (written by the emails module under the dossier's partition). */
interface EmailItem {
  emailId: string;
  emailType: string;
  recipient: string;
  subject: string;
  status: string;
  firstAttemptAt: string;
  sentAt?: string;
}

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

const emailView = (email: EmailItem) => ({
  emailId: email.emailId,
  type: email.emailType,
  label: FUNDING_EMAIL_LABELS[email.emailType] ?? email.emailType,
  recipient: email.recipient,
  subject: email.subject,
  status: email.status,
  sentAt: email.sentAt ?? null,
  date: email.sentAt ?? email.firstAttemptAt,
});

/** A follow-up that gave up after its retries (recorded by the workflow's failure task). */
interface WorkflowFailureItem {
  workflowId: string;
  executionName: string;
  error: string;
  cause?: string;
  at: string;
}

const incidentView = (failure: WorkflowFailureItem) => ({
  workflowId: failure.workflowId,
  executionName: failure.executionName,
  error: failure.error,
  cause: failure.cause ?? '',
  at: failure.at,
});

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
  const failures = children.filter(
    (item) => item.type === 'WorkflowFailure',
  ) as unknown as WorkflowFailureItem[];
  const emails = children.filter((item) => item.type === 'Email') as unknown as EmailItem[];
  const payments = children.filter((item) => item.type === 'Payment') as unknown as Payment[];
  const { beneficiary, advance, balance } = dossier;
  return {
    number: dossier.number,
    status: dossier.status,
    statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
    callId: dossier.callId,
    callVersion: dossier.callVersion,
    version: dossier.version,
    recapitulatif: {
      ansNumber: beneficiary.ansNumber,
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
    demande: {
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
    solde: balance
      ? {
          reachedAtClosing: balance.reachedAtClosing,
          total: amountView(balance.total),
          decidedAmount: amountView(balance.decided),
          depositedAt: balance.depositedAt,
          depositedOn: formatDate(balance.depositedAt),
          decidedAt: balance.decidedAt,
        }
      : null,
    piecesJustificatives: Object.values(dossier.documents)
      .filter((document): document is DossierDocument => document !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .flatMap((document) => documentView(document, links)),
    courriels: emails.sort((a, b) => a.firstAttemptAt.localeCompare(b.firstAttemptAt)).map(emailView),
    paiement: paymentSummary(dossier, payments),
    ...(options.withIncidents
      ? { incidents: failures.sort((a, b) => a.at.localeCompare(b.at)).map(incidentView) }
      : {}),
  };
}

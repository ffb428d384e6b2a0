/**
 * Composers of the dossier decision emails, for the email module's generic recorded-email task:
 * each loads the stored dossier and the enrolment's contact, so the workflow input carries no
 * address and no content.
 */
import * as z from 'zod/mini';
import { readEnv } from '../config.ts';
import type { EmailComposer } from '../email/composer.ts';
import { contactOf } from '../enrolment/model.ts';
import { getEnrolment } from '../enrolment/repository.ts';
import { DECISION_EMAIL_TYPES, type DecisionKind } from './decision-workflow-ids.ts';
import { getDossier, getDossierPayment } from './dossier-repository.ts';
import { decisionEmail, PAYMENT_NOTICE_TYPES, paymentNoticeEmail } from './emails.ts';
import { missingDossier } from './missing-records.ts';
import type { PaymentKind } from './payments.ts';

const env = readEnv({ PORTAL_URL: z.url() });

/** The dossier and the enrolment contact its emails go to. */
async function dossierAndContact(dossierNumber: string) {
  const dossier = await getDossier(dossierNumber);
  if (!dossier) throw missingDossier(dossierNumber);
  const enrolment = await getEnrolment(dossier.enrolmentId);
  const contact = enrolment ? contactOf(enrolment) : undefined;
  if (!contact) throw missingDossier(dossierNumber);
  return { dossier, contact };
}

async function composeDecisionEmail(dossierNumber: string, decision: DecisionKind) {
  const { dossier, contact } = await dossierAndContact(dossierNumber);
  if (decision === 'balance' && !dossier.balance) throw missingDossier(dossierNumber);
  return { to: contact.email, rendered: decisionEmail(dossier, decision, contact, env.PORTAL_URL) };
}

async function composePaymentNotice(dossierNumber: string, kind: PaymentKind) {
  const { dossier, contact } = await dossierAndContact(dossierNumber);
  const payment = await getDossierPayment(dossierNumber, kind);
  if (!payment) throw missingDossier(dossierNumber);
  return { to: contact.email, rendered: paymentNoticeEmail(dossier, payment, contact, env.PORTAL_URL) };
}

/** The dossier's emails, registered in the email module's composers (owner kind `dossier`). */
export const fundingEmailComposers: Record<string, EmailComposer> = {
  [DECISION_EMAIL_TYPES.advance]: {
    ownerKind: 'dossier',
    compose: (number) => composeDecisionEmail(number, 'advance'),
  },
  [DECISION_EMAIL_TYPES.balance]: {
    ownerKind: 'dossier',
    compose: (number) => composeDecisionEmail(number, 'balance'),
  },
  [PAYMENT_NOTICE_TYPES.AVANCE]: {
    ownerKind: 'dossier',
    compose: (number) => composePaymentNotice(number, 'AVANCE'),
  },
  [PAYMENT_NOTICE_TYPES.SOLDE]: {
    ownerKind: 'dossier',
    compose: (number) => composePaymentNotice(number, 'SOLDE'),
  },
};

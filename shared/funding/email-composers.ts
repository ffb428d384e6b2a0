/**
 * Composers of the dossier decision emails, for the email module's generic recorded-email task:
 * each loads the stored dossier and the enrolment's contact, so the workflow input carries no
 * address and no content.
 */
import * as z from 'zod/mini';
import { readEnv } from '../config.ts';
import { contactOf, type Enrolment } from '../enrolment/model.ts';
import { keys } from '../storage/keys.ts';
import { getItem } from '../storage/store.ts';
import { MissingDossierError } from './decision-task.ts';
import type { DecisionKind } from './decision-workflow.ts';
import { decisionEmail, paymentNoticeEmail } from './emails.ts';
import type { Payment, PaymentKind } from './payments.ts';
import { getDossier } from './repository.ts';

const env = readEnv({ PORTAL_URL: z.url() });

/** The dossier and the enrolment contact its emails go to. */
async function dossierAndContact(dossierNumber: string) {
  const dossier = await getDossier(dossierNumber);
  if (!dossier) throw new MissingDossierError(dossierNumber);
  const enrolment = await getItem<Enrolment>(keys.enrolment(dossier.enrolmentId));
  const contact = enrolment ? contactOf(enrolment) : undefined;
  if (!contact) throw new MissingDossierError(dossierNumber);
  return { dossier, contact };
}

export async function composeDecisionEmail(dossierNumber: string, decision: DecisionKind) {
  const { dossier, contact } = await dossierAndContact(dossierNumber);
  if (decision === 'balance' && !dossier.balance) throw new MissingDossierError(dossierNumber);
  return { to: contact.email, rendered: decisionEmail(dossier, decision, contact, env.PORTAL_URL) };
}

export async function composePaymentNotice(dossierNumber: string, kind: PaymentKind) {
  const { dossier, contact } = await dossierAndContact(dossierNumber);
  const payment = await getItem<Payment>(keys.dossierPayment(dossierNumber, kind));
  if (!payment) throw new MissingDossierError(dossierNumber);
  return { to: contact.email, rendered: paymentNoticeEmail(dossier, payment, contact, env.PORTAL_URL) };
}

export const composeAdvanceDecision = (dossierNumber: string) =>
  composeDecisionEmail(dossierNumber, 'advance');
export const composeBalanceDecision = (dossierNumber: string) =>
  composeDecisionEmail(dossierNumber, 'balance');

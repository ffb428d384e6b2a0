/**
 * The balance request (demande de solde): after the closing date, the operator declares the
 * mailboxes reached; the balance is the call's formula for those counts (capped) minus the
 * advance, decided at once. One command, one versioned write of the dossier; the decision PDF
 * and email follow through the same workflow as the advance.
 */
import type { AuthContext } from '../auth-context.ts';
import { recordBusinessEvent } from '../business-events.ts';
import * as clock from '../clock.ts';
import { formatDate } from '../email/layout.ts';
import { ConflictError, conflict } from '../errors.ts';
import { logger } from '../logger.ts';
import { isWithin } from './call.ts';
import { loadFundingCall } from './call-repository.ts';
import type { MailboxCounts } from './counts.ts';
import { startDecisionWorkflow } from './decision-workflow-start.ts';
import { decideBalance } from './decisions.ts';
import { documentLinks } from './documents.ts';
import { saveDossier } from './dossier-repository.ts';
import { dossierView } from './view.ts';
import { loadVisibleDossier } from './visible-dossier.ts';

export async function submitBalance(auth: AuthContext, number: string, reachedAtClosing: MailboxCounts) {
  const { dossier, children } = await loadVisibleDossier(auth, number);
  if (dossier.balance) {
    await startDecisionWorkflow(dossier.number, 'balance');
    throw conflict(
      'balance_already_requested',
      `La demande de solde du dossier ${dossier.number} a déjà été déposée le ${formatDate(dossier.balance.depositedAt)}.`,
      { dossierNumber: dossier.number },
    );
  }
  const call = await loadFundingCall(dossier.callId);
  const now = clock.now();
  if (!isWithin(call.balanceWindow, now)) {
    const closing = formatDate(`${call.closingDate}T12:00:00Z`);
    throw new ConflictError(
      'balance_window_closed',
      `La demande de solde se dépose après la date de clôture (${closing}), du ${formatDate(call.balanceWindow.opensAt)} au ${formatDate(call.balanceWindow.closesAt)}.`,
      { extensions: { balanceWindow: call.balanceWindow, closingDate: call.closingDate } },
    );
  }
  const decided = decideBalance(dossier, reachedAtClosing, call, now.toISOString());
  decided.version = await saveDossier(decided);
  await startDecisionWorkflow(dossier.number, 'balance');
  logger.info('Balance decided', { dossierNumber: dossier.number, callVersion: call.version });
  recordBusinessEvent('BalanceDecided');
  return dossierView(decided, children, await documentLinks(decided));
}

/**
 * Workflow step after a decision: renders the decision PDF, stores it under dossiers/<number>/
 * and lists it on the dossier. Idempotent: a dossier already listing the document is left alone.
 */
import { nowIso } from '../clock.ts';
import { getEnrolment } from '../enrolment/repository.ts';
import { logger } from '../logger.ts';
import { findFundingCallVersion } from './call-repository.ts';
import { advanceDecisionContent, balanceDecisionContent } from './decision-content.ts';
import { renderDecisionPdf } from './decision-pdf.ts';
import type { DecisionKind } from './decision-workflow-ids.ts';
import { putDossierPdf } from './documents.ts';
import {
  DOSSIER_DOCUMENT_KINDS,
  type DossierDocument,
  type DossierDocumentKind,
  dossierDocumentKey,
} from './dossier-model.ts';
import { getDossier, recordDossierDocument } from './dossier-repository.ts';
import { maskIban } from './iban.ts';
import { missingCallVersion, missingDossier } from './missing-records.ts';

const DOCUMENT_OF: Record<DecisionKind, DossierDocumentKind> = {
  advance: 'DECISION_ATTRIBUTION',
  balance: 'DECISION_SOLDE',
};
const CONTENT_OF = { advance: advanceDecisionContent, balance: balanceDecisionContent };

export async function issueDecisionDocument(dossierNumber: string, decision: DecisionKind) {
  const kind = DOCUMENT_OF[decision];
  const dossier = await getDossier(dossierNumber);
  if (!dossier || (decision === 'balance' && !dossier.balance)) throw missingDossier(dossierNumber);
  const existing = dossier.documents[kind];
  if (existing) return { kind, key: existing.key, size: existing.size, created: false };

  // The call as the decision applied it (its recorded version), not the current one: a later
  // correction must not rewrite what was decided.
  const callVersion =
    decision === 'balance' ? (dossier.balance?.callVersion ?? dossier.callVersion) : dossier.callVersion;
  const [call, enrolment] = await Promise.all([
    findFundingCallVersion(dossier.callId, callVersion),
    getEnrolment(dossier.enrolmentId),
  ]);
  if (!call) throw missingCallVersion(dossier.callId, callVersion);
  const started = performance.now();
  const bytes = await renderDecisionPdf(
    CONTENT_OF[decision](dossier, call, {
      number: enrolment?.number ?? '',
      maskedIban: maskIban(enrolment?.bank?.iban ?? ''),
    }),
  );
  const renderMs = Math.round(performance.now() - started);
  const fileName = DOSSIER_DOCUMENT_KINDS[kind].fileName(dossier.number);
  const document: DossierDocument = {
    kind,
    key: dossierDocumentKey(dossier.number, fileName),
    fileName,
    contentType: 'application/pdf',
    size: bytes.length,
    createdAt: nowIso(),
  };
  await putDossierPdf(document.key, bytes);
  await recordDossierDocument(dossier.number, document);
  logger.info('Decision document issued', { dossierNumber, kind, sizeBytes: bytes.length, renderMs });
  return { kind, key: document.key, size: bytes.length, created: true };
}

import { requireCaptcha } from '#shared/captcha/index.ts';
import { nowIso } from '#shared/clock.ts';
import { claimActiveEnrolment, releaseFormerPair } from '#shared/enrolment/active-guard.ts';
import { recordAudit } from '#shared/enrolment/audit-repository.ts';
import { ensureDocumentsUsable } from '#shared/enrolment/commands.ts';
import {
  deleteCheckedUploads,
  markDocumentsAttached,
  verifyDocumentsForSubmission,
} from '#shared/enrolment/documents.ts';
import type { Enrolment } from '#shared/enrolment/model.ts';
import { formatEnrolmentNumber } from '#shared/enrolment/number.ts';
import { loadWithDraftToken, nextEnrolmentSequence, saveEnrolment } from '#shared/enrolment/repository.ts';
import { requiredDocuments, stepStatuses } from '#shared/enrolment/requirements.ts';
import { isEditable } from '#shared/enrolment/status.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { draftHandler } from '#shared/http/draft-handler.ts';
import { ok } from '#shared/http/handler.ts';
import { ProblemError } from '#shared/http/problem.ts';
import { logger } from '#shared/logger.ts';
import { executionName, startWorkflow } from '#shared/workflows/start.ts';
import { submitEnrolmentRoute } from './route.ts';

/**
 * Idempotent follow-ups of a submission, replayed when the same submission is retried: the
 * documents kept by the bucket, the audit record (deterministic key) and the workflow
 * (deterministic execution name).
 */
async function afterSubmission(enrolment: Enrolment): Promise<void> {
  await markDocumentsAttached(enrolment);
  await recordAudit(enrolment.id, `submit-v${enrolment.version}`, {
    who: 'applicant',
    action: 'submit',
    fromStatus: enrolment.lastDecision?.action === 'requestChanges' ? 'A_MODIFIER' : 'BROUILLON',
    toStatus: 'DEPOSEE',
    at: enrolment.updatedAt,
  });
  await startWorkflow('enrolmentSubmitted', executionName(enrolment.id, 'submitted', enrolment.version), {
    enrolmentId: enrolment.id,
  });
}

function ensureComplete(enrolment: Enrolment): void {
  const missing = Object.values(stepStatuses(enrolment)).flatMap((step) => step.missing);
  if (missing.length > 0 || !enrolment.referencing || !enrolment.applicant) {
    throw new ProblemError(
      422,
      'enrolment_incomplete',
      `La demande est incomplète : ${missing[0]?.message ?? 'étape manquante.'}`,
      { errors: missing },
    );
  }
}

export const handler = draftHandler(submitEnrolmentRoute, loadWithDraftToken, async ({ body }, enrolment) => {
  if (enrolment.status === 'DEPOSEE') {
    // "Terminer" clicked twice, or a retry after a lost answer: same request, same number.
    await afterSubmission(enrolment);
    return ok(enrolmentView(enrolment));
  }
  if (!isEditable(enrolment.status)) {
    throw new ProblemError(409, 'enrolment_not_editable', "Cette demande d'enrôlement a déjà été instruite.");
  }
  await requireCaptcha(body.captcha);
  // Every attached file checked (new ones) or confirmed still there, before anything is written.
  const verified = await verifyDocumentsForSubmission(enrolment, requiredDocuments(enrolment));
  ensureDocumentsUsable(verified);
  ensureComplete(verified.enrolment);
  const activePair = await claimActiveEnrolment(verified.enrolment);
  const number = enrolment.number ?? formatEnrolmentNumber(await nextEnrolmentSequence());
  const now = nowIso();
  const submitted: Enrolment = {
    ...verified.enrolment,
    status: 'DEPOSEE',
    number,
    submittedAt: enrolment.submittedAt ?? now,
    updatedAt: now,
    declarations: { cgu: true, article4417: true, sincerity: true, acceptedAt: now },
    activePair,
  };
  delete submitted.expiresAt;
  const saved = await saveEnrolment(submitted);
  await releaseFormerPair(enrolment, activePair);
  await deleteCheckedUploads(enrolment, saved);
  logger.info('Enrolment submitted', { enrolmentId: saved.id, number });
  await afterSubmission(saved);
  return ok(enrolmentView(saved));
});

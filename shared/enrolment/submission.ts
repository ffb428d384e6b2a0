import { recordBusinessEvent } from '../business-events.ts';
import { requireCaptcha } from '../captcha/index.ts';
import { nowIso } from '../clock.ts';
import { ConflictError, InvalidDataError } from '../errors.ts';
import { logger } from '../logger.ts';
import { executionName, startWorkflow } from '../workflows/start.ts';
import { claimActiveEnrolment, releaseFormerPair } from './active-guard.ts';
import { recordAudit } from './audit-repository.ts';
import { ensureDocumentsUsable } from './commands.ts';
import { deleteCheckedUploads, markDocumentsAttached, verifyDocumentsForSubmission } from './documents.ts';
import type { Enrolment } from './model.ts';
import { formatEnrolmentNumber } from './number.ts';
import { nextEnrolmentSequence, saveEnrolment } from './repository.ts';
import { requiredDocuments, stepStatuses } from './requirements.ts';
import { isEditable } from './status.ts';

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
    throw new InvalidDataError(
      'enrolment_incomplete',
      `La demande est incomplète : ${missing[0]?.message ?? 'étape manquante.'}`,
      { errors: missing },
    );
  }
}

/**
 * "Terminer" (guide section 1): the captcha, every attached file checked, the request complete,
 * the SIRET and solution free, then the request is DEPOSEE under its ENR number and the
 * enrolment workflow starts. A second submission of a submitted request answers it as it is.
 */
export async function submitEnrolment(
  enrolment: Enrolment,
  captcha: { id: string; answer: string },
): Promise<Enrolment> {
  if (enrolment.status === 'DEPOSEE') {
    // "Terminer" clicked twice, or a retry after a lost answer: same request, same number.
    await afterSubmission(enrolment);
    return enrolment;
  }
  if (!isEditable(enrolment.status)) {
    throw new ConflictError('enrolment_not_editable', "Cette demande d'enrôlement a déjà été instruite.");
  }
  await requireCaptcha(captcha);
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
  recordBusinessEvent('EnrolmentSubmitted');
  await afterSubmission(saved);
  return saved;
}

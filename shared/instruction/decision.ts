import { nowIso } from '../clock.ts';
import { releaseActiveEnrolment } from '../enrolment/active-guard.ts';
import { recordAudit } from '../enrolment/audit-repository.ts';
import type { Enrolment, EnrolmentDecision } from '../enrolment/model.ts';
import { getEnrolment, saveEnrolment } from '../enrolment/repository.ts';
import { ENROLMENT_STATUS_LABELS, nextStatus } from '../enrolment/status.ts';
import { conflict, notFound } from '../errors.ts';
import { logger } from '../logger.ts';
import { executionName, startWorkflow } from '../workflows/start.ts';

/**
 * An instructor's decision on a submitted enrolment: one conditional write (optimistic locking
 * on `expectedVersion`), then idempotent follow-ups — the audit record (deterministic id) and the
 * matching workflow (deterministic execution name: enrolment id + event + version). Repeating
 * the same decision (double click, retried request) replays the follow-ups: one run, one set of
 * emails.
 */
type DecisionAction = EnrolmentDecision['action'];

export interface DecisionRequest {
  action: DecisionAction;
  comment?: string;
  expectedVersion: number;
  instructorId: string;
}

const DECISION_WORKFLOWS: Record<DecisionAction, { workflowId: string; event: string }> = {
  validate: { workflowId: 'enrolmentValidated', event: 'validated' },
  requestChanges: { workflowId: 'enrolmentChangesRequested', event: 'changesRequested' },
  reject: { workflowId: 'enrolmentRejected', event: 'rejected' },
};

export interface DecisionOutcome {
  enrolment: Enrolment;
  workflow: { workflowId: string; executionName: string; started: boolean };
  replayed: boolean;
}

const enrolmentNotFound = () =>
  notFound('enrolment_not_found', "Cette demande d'enrôlement n'existe pas ou n'a pas été déposée.");

/** The enrolment already carries this very decision, taken on the same version. */
const isReplay = (enrolment: Enrolment, request: DecisionRequest) =>
  enrolment.lastDecision?.action === request.action &&
  enrolment.lastDecision.fromVersion === request.expectedVersion &&
  (enrolment.lastDecision.comment ?? '') === (request.comment ?? '') &&
  enrolment.status === nextStatus(request.action, 'DEPOSEE');

export async function decideEnrolment(
  enrolmentId: string,
  request: DecisionRequest,
): Promise<DecisionOutcome> {
  const enrolment = await getEnrolment(enrolmentId);
  if (!enrolment?.submittedAt) throw enrolmentNotFound();
  if (isReplay(enrolment, request)) return { ...(await followUps(enrolment)), replayed: true };

  if (enrolment.version !== request.expectedVersion) {
    throw conflict(
      'stale_version',
      'Cette demande a été modifiée depuis son affichage. Rechargez-la puis recommencez.',
      { expectedVersion: request.expectedVersion, currentVersion: enrolment.version },
    );
  }
  const status = nextStatus(request.action, enrolment.status);
  if (!status) {
    throw conflict(
      'decision_not_allowed',
      `La demande est au statut « ${ENROLMENT_STATUS_LABELS[enrolment.status]} » : cette décision n'est possible que pour une demande déposée.`,
      { enrolmentStatus: enrolment.status },
    );
  }
  const at = nowIso();
  const decision: EnrolmentDecision = {
    action: request.action,
    instructorId: request.instructorId,
    at,
    fromVersion: enrolment.version,
    ...(request.comment ? { comment: request.comment } : {}),
  };
  const saved = await saveEnrolment({ ...enrolment, status, updatedAt: at, lastDecision: decision });
  logger.info('Enrolment decided', { enrolmentId, action: request.action, version: saved.version });
  return { ...(await followUps(saved)), replayed: false };
}

async function followUps(enrolment: Enrolment): Promise<Omit<DecisionOutcome, 'replayed'>> {
  const decision = enrolment.lastDecision as EnrolmentDecision & { fromVersion: number };
  const { workflowId, event } = DECISION_WORKFLOWS[decision.action];
  await recordAudit(enrolment.id, `${decision.action}-v${decision.fromVersion}`, {
    who: decision.instructorId,
    action: decision.action,
    fromStatus: 'DEPOSEE',
    toStatus: nextStatus(decision.action, 'DEPOSEE') ?? enrolment.status,
    at: decision.at,
    ...(decision.comment ? { comment: decision.comment } : {}),
  });
  // A rejected request no longer blocks a new one for the same referencing number and SIRET.
  if (decision.action === 'reject') await releaseActiveEnrolment(enrolment);
  const name = executionName(enrolment.id, event, decision.fromVersion + 1);
  const { started } = await startWorkflow(workflowId, name, { enrolmentId: enrolment.id });
  return { enrolment, workflow: { workflowId, executionName: name, started } };
}

import { ok } from '#shared/http/handler.ts';
import { writeHandler } from '#shared/http/write-handler.ts';
import { decideEnrolment } from '#shared/instruction/decision.ts';
import { queueEntry } from '#shared/instruction/queue.ts';
import { decideEnrolmentRoute } from './route.ts';

export const handler = writeHandler(decideEnrolmentRoute, async ({ params, body, auth }) => {
  const outcome = await decideEnrolment(params.id, {
    action: body.action,
    expectedVersion: body.expectedVersion,
    instructorId: auth.accountId,
    ...(body.comment?.trim() ? { comment: body.comment.trim() } : {}),
  });
  return ok({
    enrolment: queueEntry(outcome.enrolment),
    workflow: outcome.workflow,
    replayed: outcome.replayed,
  });
});

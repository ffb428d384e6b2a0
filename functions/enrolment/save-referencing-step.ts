import { saveStep } from '../../shared/enrolment/commands.ts';
import { findMssReferencing, toReferencingStep } from '../../shared/enrolment/referencing.ts';
import { loadEditable } from '../../shared/enrolment/repository.ts';
import { enrolmentView } from '../../shared/enrolment/view.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { saveReferencingStepRoute } from '../../shared/routes/enrolment-steps.ts';

export const handler = httpHandler(saveReferencingStepRoute, async ({ params, headers, body }) => {
  const enrolment = await loadEditable(params.id, headers);
  const referencing = toReferencingStep(await findMssReferencing(body.number, 'body.number'));
  return ok(enrolmentView(await saveStep(enrolment, 'referencing', { referencing })));
});

import { saveStep } from '#shared/enrolment/commands.ts';
import { findMssReferencing, toReferencingStep } from '#shared/enrolment/referencing.ts';
import { loadEditable } from '#shared/enrolment/repository.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { ok } from '#shared/http/handler.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { saveReferencingStepRoute } from './route.ts';

export const handler = draftWriteHandler(
  saveReferencingStepRoute,
  loadEditable,
  async ({ body }, enrolment) => {
    const referencing = toReferencingStep(await findMssReferencing(body.number, 'body.number'));
    return ok(enrolmentView(await saveStep(enrolment, 'referencing', { referencing })));
  },
);

import { loadWithDraftToken } from '#shared/enrolment/repository.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { draftHandler } from '#shared/http/draft-handler.ts';
import { ok } from '#shared/http/handler.ts';
import { getEnrolmentRoute } from './route.ts';

export const handler = draftHandler(getEnrolmentRoute, loadWithDraftToken, async (_input, enrolment) =>
  ok(enrolmentView(enrolment)),
);

import { loadWithDraftToken } from '#shared/enrolment/repository.ts';
import { submitEnrolment } from '#shared/enrolment/submission.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { draftHandler } from '#shared/http/draft-handler.ts';
import { ok } from '#shared/http/handler.ts';
import { submitEnrolmentRoute } from './route.ts';

export const handler = draftHandler(submitEnrolmentRoute, loadWithDraftToken, async ({ body }, enrolment) =>
  ok(enrolmentView(await submitEnrolment(enrolment, body.captcha))),
);

import { loadWithDraftToken } from '#shared/enrolment/repository.ts';
import { submitEnrolment } from '#shared/enrolment/submission.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { ok } from '#shared/http/handler.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { submitEnrolmentRoute } from './route.ts';

export const handler = draftWriteHandler(
  submitEnrolmentRoute,
  loadWithDraftToken,
  async ({ body }, enrolment) => ok(enrolmentView(await submitEnrolment(enrolment, body.captcha))),
);

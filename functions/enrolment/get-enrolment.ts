import { loadWithDraftToken } from '../../shared/enrolment/repository.ts';
import { enrolmentView } from '../../shared/enrolment/view.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { getEnrolmentRoute } from '../../shared/routes/enrolment.ts';

export const handler = httpHandler(getEnrolmentRoute, async ({ params, headers }) =>
  ok(enrolmentView(await loadWithDraftToken(params.id, headers))),
);

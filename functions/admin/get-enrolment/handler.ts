import { httpHandler, ok } from '#shared/http/handler.ts';
import { readEnrolmentFile } from '#shared/instruction/enrolment-file.ts';
import { getAdminEnrolmentRoute } from './route.ts';

export const handler = httpHandler(getAdminEnrolmentRoute, async ({ params }) =>
  ok(await readEnrolmentFile(params.id)),
);

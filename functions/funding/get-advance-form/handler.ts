import { getAdvanceForm } from '#shared/funding/advance-form.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { getAdvanceFormRoute } from './route.ts';

export const handler = httpHandler(getAdvanceFormRoute, async ({ auth }) => ok(await getAdvanceForm(auth)));

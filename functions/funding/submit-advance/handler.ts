import { submitAdvance } from '#shared/funding/advance.ts';
import { created, httpHandler } from '#shared/http/handler.ts';
import { submitAdvanceRoute } from './route.ts';

export const handler = httpHandler(submitAdvanceRoute, async ({ auth, body }) => {
  const dossier = await submitAdvance(auth, body);
  return created(dossier, `/v1/funding/dossiers/${dossier.number}`);
});

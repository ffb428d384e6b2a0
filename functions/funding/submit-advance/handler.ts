import { submitAdvance } from '#shared/funding/advance.ts';
import { created } from '#shared/http/handler.ts';
import { writeHandler } from '#shared/http/write-handler.ts';
import { submitAdvanceRoute } from './route.ts';

export const handler = writeHandler(submitAdvanceRoute, async ({ auth, body }) => {
  const dossier = await submitAdvance(auth, body);
  return created(dossier, `/v1/funding/dossiers/${dossier.number}`);
});

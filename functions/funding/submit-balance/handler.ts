import { submitBalance } from '#shared/funding/balance.ts';
import { created } from '#shared/http/handler.ts';
import { writeHandler } from '#shared/http/write-handler.ts';
import { submitBalanceRoute } from './route.ts';

export const handler = writeHandler(submitBalanceRoute, async ({ auth, params, body }) => {
  const dossier = await submitBalance(auth, params.number, body.reachedAtClosing);
  return created(dossier, `/v1/funding/dossiers/${dossier.number}`);
});

import { listDossiers } from '#shared/funding/dossiers-by-status.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { listDossiersRoute } from './route.ts';

export const handler = httpHandler(listDossiersRoute, async ({ query }) =>
  ok(await listDossiers(query.status, query.limit ?? 20, query.cursor)),
);

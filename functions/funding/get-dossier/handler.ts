import { readDossier } from '#shared/funding/dossier-read.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { getDossierRoute } from './route.ts';

export const handler = httpHandler(getDossierRoute, async ({ auth, params }) =>
  ok(await readDossier(auth, params.number)),
);

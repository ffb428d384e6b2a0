import { loadVisibleDossier } from '#shared/funding/visible-dossier.ts';
import { ok } from '#shared/http/handler.ts';
import { writeHandler } from '#shared/http/write-handler.ts';
import { retryWorkflow } from '#shared/instruction/workflow-retry.ts';
import { retryDossierWorkflowRoute } from './route.ts';

export const handler = writeHandler(retryDossierWorkflowRoute, async ({ auth, params }) => {
  await loadVisibleDossier(auth, params.number); // 404 for an unknown dossier
  return ok(await retryWorkflow({ kind: 'dossier', id: params.number }, params.executionName));
});

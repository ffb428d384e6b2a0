import { ok } from '#shared/http/handler.ts';
import { writeHandler } from '#shared/http/write-handler.ts';
import { retryEnrolmentWorkflow } from '#shared/instruction/workflow-retry.ts';
import { retryEnrolmentWorkflowRoute } from './route.ts';

export const handler = writeHandler(retryEnrolmentWorkflowRoute, async ({ params }) =>
  ok(await retryEnrolmentWorkflow(params.id, params.executionName)),
);

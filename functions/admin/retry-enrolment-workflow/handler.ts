import { httpHandler, ok } from '#shared/http/handler.ts';
import { retryEnrolmentWorkflow } from '#shared/instruction/workflow-retry.ts';
import { retryEnrolmentWorkflowRoute } from './route.ts';

export const handler = httpHandler(retryEnrolmentWorkflowRoute, async ({ params }) =>
  ok(await retryEnrolmentWorkflow(params.id, params.executionName)),
);

import { openApiDocument } from '#openapi-document';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { openApiRoute } from './route.ts';

export const handler = httpHandler(openApiRoute, async () => ok(openApiDocument));

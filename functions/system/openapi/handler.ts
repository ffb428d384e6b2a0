import { openApiDocument } from '#openapi-document';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { openApiRoute } from './route.ts';

// Frozen: the response pass serialises a constant body once (240 KB of JSON), not per request.
const document = Object.freeze(openApiDocument);

export const handler = httpHandler(openApiRoute, async () => ok(document));

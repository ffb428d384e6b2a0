import { httpHandler, ok } from '../../shared/http/handler.ts';
import { buildOpenApiDocument } from '../../shared/openapi.ts';
import { routeTable } from '../../shared/routes/index.ts';
import { openApiRoute } from '../../shared/routes/system.ts';

/** Built once per cold start: the route table does not change while the function lives. */
const document = buildOpenApiDocument(routeTable);

export const handler = httpHandler(openApiRoute, async () => ok(document));

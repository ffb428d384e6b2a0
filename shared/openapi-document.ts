import { buildOpenApiDocument } from './openapi.ts';
import { routeTable } from './routes/index.ts';

/**
 * The OpenAPI document of the whole route table, imported as `#openapi-document` (package.json
 * `imports`). Lambda bundles alias that id to this same document serialised at build time
 * (infra/bundling.ts), so the deployed function carries neither the route table's schemas nor
 * their conversion; the local gateway and the tests load this module and build it at import.
 */
export const openApiDocument = buildOpenApiDocument(routeTable);

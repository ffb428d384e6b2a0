import { readFileSync } from 'node:fs';
import { routeTable } from '../functions/route-table.ts';
import { buildOpenApiDocument } from './openapi.ts';

/**
 * The OpenAPI document of the whole route table, imported as `#openapi-document` (package.json
 * `imports`). Lambda bundles alias that id to this same document serialised at build time
 * (infra/bundling.ts), so the deployed function carries neither the route table's schemas nor
 * their conversion; the local gateway and the tests load this module and build it at import.
 * Its servers and contact come from the deployment configuration (`cdk.json` context: `apiUrl`,
 * `replyToEmail`) and the local gateway's default port.
 */
const context = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')).context as {
  apiUrl: string;
  replyToEmail: string;
};

export const openApiDocument = buildOpenApiDocument(routeTable, {
  servers: [
    { url: context.apiUrl, description: 'API déployée (contexte CDK `apiUrl`)' },
    { url: 'http://127.0.0.1:3000', description: 'npm start, port par défaut (variable PORT)' },
  ],
  contactEmail: context.replyToEmail,
});

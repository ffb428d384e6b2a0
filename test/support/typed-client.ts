import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../web/src/api/schema.d.ts';
import { publishedContract } from './contract.ts';

/**
 * The typed client a front end builds from the document: openapi-fetch over the types generated
 * from it (`npm run generate:client`), so a change of the contract breaks `tsc` on its callers.
 * Each response is also checked against the published `/openapi.json` (test/support/contract.ts).
 */
export function typedClient(baseUrl: string) {
  const contract: Middleware = {
    async onResponse({ request, response }) {
      const check = await publishedContract(baseUrl);
      const text = await response.clone().text();
      const body = /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
      check(request.method, response.url, response.status, response.headers, body);
      return response;
    },
  };
  const client = createClient<paths>({ baseUrl });
  client.use(contract);
  return client;
}

export type TypedClient = ReturnType<typeof typedClient>;

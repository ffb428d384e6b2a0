/**
 * Writes the TypeScript types of the API (`web/src/api/schema.d.ts`) from the OpenAPI document
 * generated from the route table, for `openapi-fetch` clients (the web front end, the e2e
 * journey). Run after changing a route's schemas: `npm run generate:client`. A unit test fails
 * while the committed file differs from a fresh generation.
 */
import { writeFileSync } from 'node:fs';
import { generateClientTypes } from '../test/support/client-types.ts';

const target = new URL('../web/src/api/schema.d.ts', import.meta.url);
writeFileSync(target, await generateClientTypes());
console.log(`written ${target.pathname}`);

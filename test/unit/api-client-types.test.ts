import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateClientTypes } from '../support/client-types.ts';

describe('the generated API client types', () => {
  it('match the OpenAPI document of the route table (run `npm run generate:client` otherwise)', async () => {
    const committed = readFileSync(new URL('../../web/src/api/schema.d.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await generateClientTypes());
  });
});

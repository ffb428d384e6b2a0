import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { createDraft, lookupCompany } from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';

/**
 * COMPANY_DIRECTORY=api through the gateway: the step 2 lookup calls the API Recherche
 * d'entreprises adapter, here pointed at a local server replaying recorded-shape responses.
 */
let down = false;
const directory = createServer((req, res) => {
  const q = new URL(req.url ?? '/', 'http://localhost').searchParams.get('q') ?? '';
  if (down) return res.writeHead(503).end();
  const name = q === '47992882200069' ? q : 'empty';
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(readFileSync(`test/fixtures/recherche-entreprises/${name}.json`));
});
await new Promise<void>((resolve) => directory.listen(0, '127.0.0.1', resolve));
const address = directory.address();
const directoryUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
afterAll(() => new Promise<void>((resolve) => directory.close(() => resolve())));

const local = useLocalCloud({
  environment: { COMPANY_DIRECTORY: 'api', COMPANY_DIRECTORY_URL: directoryUrl },
});

describe('company lookup through the API Recherche d’entreprises adapter', () => {
  it('prefills the dénomination and address; unknown SIRET → 422; directory down → 503', async () => {
    const draft = await createDraft(local.api);
    const found = await lookupCompany(local.api, draft, '47992882200069');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      denominationSociale: 'ASSOCIATION SERVICES MEDIATION',
      address: {
        entreeBatiment: 'CENTRE CIAL LE SAINT PIERRE',
        nomVoie: 'DE FIGUERAS',
        commune: 'ST VICTORET',
      },
    });
    const unknown = await lookupCompany(local.api, draft, '73282932000074');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('body.siret');
    down = true;
    const unavailable = await lookupCompany(local.api, draft, '47992882200069');
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.code).toBe('company_directory_unavailable');
  });
});

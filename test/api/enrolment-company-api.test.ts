import { describe, expect, it } from 'vitest';
import { startDirectoryServer } from '../support/directory-server.ts';
import { createDraft, lookupCompany } from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';

/**
 * COMPANY_DIRECTORY=api through the gateway: the step 2 lookup calls the API Recherche
 * d'entreprises adapter, here pointed at a local server replaying recorded-shape responses.
 */
let down = false;
const directoryUrl = await startDirectoryServer({ fault: () => (down ? 503 : undefined) });

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

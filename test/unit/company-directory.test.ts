import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompanyDirectoryUnavailable,
  rechercheEntreprisesDirectory,
} from '#shared/companies/recherche-entreprises.ts';

/**
 * The API Recherche d'entreprises adapter, a real HTTP client, against a local server replaying
 * responses in the API's shape (test/fixtures/recherche-entreprises): no internet here.
 */
const fixture = (name: string) => readFileSync(`test/fixtures/recherche-entreprises/${name}.json`, 'utf8');
let server: Server;
let baseUrl = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const q = url.searchParams.get('q') ?? '';
    if (q === '11111111111111') return res.writeHead(429).end('{"erreur":"Trop de requêtes"}');
    const body = ['47992882200069', '39177919600040'].includes(q) ? fixture(q) : fixture('empty');
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('API Recherche d’entreprises adapter', () => {
  const directory = () => rechercheEntreprisesDirectory({ baseUrl, timeoutMs: 2000 });

  it('reads the head office when it is the SIRET searched', async () => {
    expect(await directory().findBySiret('47992882200069')).toEqual({
      siret: '47992882200069',
      denominationSociale: 'ASSOCIATION SERVICES MEDIATION',
      address: {
        entreeBatiment: 'CENTRE CIAL LE SAINT PIERRE',
        typeVoie: 'RUE',
        nomVoie: 'DE FIGUERAS',
        codePostal: '13700',
        commune: 'ST VICTORET',
      },
      active: true,
    });
    expect(requests.at(-1)).toBe('/search?q=47992882200069&page=1&per_page=5');
  });

  it('reads a secondary establishment from matching_etablissements', async () => {
    expect(await directory().findBySiret('39177919600040')).toMatchObject({
      denominationSociale: 'PROCIVIS IMMOBILIER',
      address: {
        numero: '87',
        typeVoie: 'CHEM',
        nomVoie: 'DE MONS',
        codePostal: '59009',
        commune: 'VILLENEUVE D ASCQ',
      },
    });
  });

  it('answers undefined for an unknown SIRET and throws on throttling', async () => {
    expect(await directory().findBySiret('73282932000074')).toBeUndefined();
    await expect(directory().findBySiret('11111111111111')).rejects.toBeInstanceOf(
      CompanyDirectoryUnavailable,
    );
  });
});

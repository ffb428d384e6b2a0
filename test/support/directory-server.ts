import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { afterAll } from 'vitest';

/**
 * A local stand-in for the API Recherche d'entreprises, answering `GET /search?q=<siret>` with the
 * recorded-shape responses of test/fixtures/recherche-entreprises/ (`empty.json` for an unknown
 * SIRET), or with the status `fault()` returns, after `delayMs()`. Closed after the test file.
 * Returns its base URL (COMPANY_DIRECTORY_URL).
 */
export async function startDirectoryServer(
  options: { fault?: () => number | undefined; delayMs?: () => number } = {},
): Promise<string> {
  const server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://localhost').searchParams.get('q') ?? '';
    setTimeout(() => {
      const status = options.fault?.();
      if (status) return res.writeHead(status).end();
      const name = q === '47992882200069' ? q : 'empty';
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(readFileSync(`test/fixtures/recherche-entreprises/${name}.json`));
    }, options.delayMs?.() ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

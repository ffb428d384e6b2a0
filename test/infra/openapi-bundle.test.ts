import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions, openApiDocumentModule } from '#infra/bundling.ts';
import { openApiDocument } from '#shared/openapi-document.ts';

const outdir = mkdtempSync(join(tmpdir(), 'openapi-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the getOpenApi Lambda bundle', () => {
  it('serves the document generated at build time, without the route table or schema conversion', async () => {
    const { metafile } = await build(bundleOptions('functions/system/openapi/handler.ts', outdir));
    const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint);
    const contributing = Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    const documentBytes = Object.entries(output?.inputs ?? {}).find(([path]) =>
      path.includes('segur-openapi-document-'),
    )?.[1].bytesInOutput;
    // Compressed: the plain JSON (240 KB) alone would put the function far above its size bar.
    expect(documentBytes).toBeGreaterThan(0);
    expect(documentBytes).toBeLessThan(32 * 1024);
    // Only the wrapper's request validation needs zod/mini; its JSON Schema converter is gone.
    expect(contributing.filter((path) => /zod\/.*json-schema|zod\/v4\/classic/.test(path))).toEqual([]);
    expect(contributing).not.toContain('shared/openapi.ts');
    expect(contributing).not.toContain('functions/route-table.ts');
    // The wrapper's own problems (responses.ts, schemas.ts) are declared with every route, and its
    // access rules (draft token header, Idempotency-Key) apply to every route.
    expect(contributing.filter((path) => path.startsWith('shared/routes/')).sort()).toEqual([
      'shared/routes/access.ts',
      'shared/routes/responses.ts',
      'shared/routes/schemas.ts',
      'shared/routes/types.ts',
    ]);
    expect(contributing.filter((path) => path.startsWith('functions/'))).toEqual([
      'functions/system/openapi/route.ts',
      'functions/system/openapi/handler.ts',
    ]);
  });

  it('embeds exactly the document the route table describes', async () => {
    const generated = await import(pathToFileURL(openApiDocumentModule()).href);
    expect(generated.openApiDocument).toEqual(openApiDocument);
  });
});

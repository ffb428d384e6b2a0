import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions, modelDocumentsModule } from '#infra/bundling.ts';
import { modelDocumentFiles } from '#shared/enrolment/model-document-pdf.ts';

const outdir = mkdtempSync(join(tmpdir(), 'model-documents-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the getModelDocument Lambda bundle', () => {
  it('carries the PDFs rendered at build time, not pdf-lib', async () => {
    const { metafile } = await build(
      bundleOptions('functions/enrolment/get-model-document/handler.ts', outdir),
    );
    const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint);
    const contributing = Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    expect(contributing.filter((path) => /pdf-lib|shared\/pdf\//.test(path))).toEqual([]);
    expect(contributing.some((path) => path.includes('segur-model-documents-'))).toBe(true);
  });

  it('embeds exactly the documents the sources render', async () => {
    const generated = await import(pathToFileURL(modelDocumentsModule()).href);
    expect(Object.keys(generated.modelDocumentFiles)).toEqual(['mandat', 'contrat-prestation']);
    for (const model of ['mandat', 'contrat-prestation'] as const)
      expect(
        Buffer.from(generated.modelDocumentFiles[model]).equals(Buffer.from(modelDocumentFiles[model])),
      ).toBe(true);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '#infra/bundling.ts';

const outdir = mkdtempSync(join(tmpdir(), 'local-only-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('Lambda bundles', () => {
  it('leave the local captcha out: its provider, image and voice are not deployed', async () => {
    const { metafile } = await build(bundleOptions('shared/captcha/index.ts', outdir));
    const [file, output] =
      Object.entries(metafile.outputs).find(([, candidate]) => candidate.entryPoint) ?? [];
    const bundled = Object.keys(output?.inputs ?? {});
    expect(bundled.some((path) => path.endsWith('shared/captcha/captchetat.ts'))).toBe(true);
    expect(
      bundled.filter((path) => /shared\/captcha\/(local|svg|audio|challenge-repository)\.ts$/.test(path)),
    ).toEqual([]);
    // Only reachable behind the stage check, by the alias that exists in the repository alone.
    expect(readFileSync(file ?? '', 'utf8')).toContain('import("#local-captcha")');
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '#infra/bundling.ts';
import { openApiDocument } from '#shared/openapi-document.ts';

const directory = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the OpenAPI document', () => {
  it('passes `redocly lint` with the recommended rules (redocly.yaml): no error, no warning', async () => {
    const file = join(directory, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument));
    const cli = join(REPOSITORY_ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [cli, 'lint', file, '--format=json', `--config=${join(REPOSITORY_ROOT, 'redocly.yaml')}`],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((error: { stdout: string; stderr: string }) => error);
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems, stderr).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});

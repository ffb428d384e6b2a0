import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/local/cloud.ts';

let child: ChildProcess;
let output = '';
let apiUrl = '';
const dataDirectory = mkdtempSync(join(tmpdir(), 'segur-mss-e2e-'));

/** Spawns `npm start` as a user would, on free ports, and waits for its banner. */
beforeAll(async () => {
  child = spawn('npm', ['start'], {
    cwd: REPOSITORY_ROOT,
    detached: true,
    env: {
      ...process.env,
      PORT: '0',
      LOCAL_DYNAMODB_PORT: '0',
      LOCAL_S3_PORT: '0',
      LOCAL_SES_PORT: '0',
      LOCAL_SFN_PORT: '0',
      LOCAL_DATA_DIR: dataDirectory,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  while (!apiUrl && Date.now() < deadline) {
    apiUrl = /API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!apiUrl) throw new Error(`npm start did not print its API URL:\n${output}`);
});

afterAll(() => {
  if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  rmSync(dataDirectory, { recursive: true, force: true });
});

describe('npm start (end to end)', () => {
  it('prints the API, docs and mailbox URLs and serves health and OpenAPI on loopback', async () => {
    expect(output).toMatch(/Documentation\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
    expect(output).toMatch(/Boîte aux lettres\s+http:\/\/127\.0\.0\.1:\d+/);
    const health = await fetch(`${apiUrl}/v1/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const openapi = (await (await fetch(`${apiUrl}/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/v1/health');
    const referencing = await fetch(`${apiUrl}/docs`);
    expect(referencing.status).toBe(200);
  });

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<[number | null, string | null]>((resolve) =>
      child.once('exit', (code, signal) => resolve([code, signal])),
    );
    if (child.pid) process.kill(-child.pid, 'SIGINT');
    const [code, signal] = await exited;
    // npm itself reports the interrupt as a signal; the server below it stops and exits 0.
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(output).toContain('Arrêt');
    expect(output).not.toMatch(/Error|ERR!/);
    await expect(fetch(`${apiUrl}/v1/health`)).rejects.toThrow();
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/local/cloud.ts';

const dataDirectory = mkdtempSync(join(tmpdir(), 'segur-mss-e2e-'));
const running: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  output: () => string;
  api: string;
  dynamodb: string;
}

/** Spawns `npm start` as a user would, on free ports, and waits for its banner. */
async function npmStart(): Promise<Started> {
  const child = spawn('npm', ['start'], {
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
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  while (!/Ctrl-C/.test(output) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const api = /API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  const dynamodb = /DynamoDB (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  if (!api || !dynamodb) throw new Error(`npm start did not print its URLs:\n${output}`);
  return { child, output: () => output, api, dynamodb };
}

async function interrupt(started: Started) {
  const exited = new Promise<[number | null, string | null]>((resolve) =>
    started.child.once('exit', (code, signal) => resolve([code, signal])),
  );
  if (started.child.pid) process.kill(-started.child.pid, 'SIGINT');
  return exited;
}

afterAll(() => {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null && child.pid)
      process.kill(-child.pid, 'SIGKILL');
  }
  rmSync(dataDirectory, { recursive: true, force: true });
});

const dynamoClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
const marker = { PK: { S: 'E2E#marker' }, SK: { S: 'E2E' } };

describe('npm start (end to end)', () => {
  let first: Started;

  it('prints the API, docs and mailbox URLs and serves health, OpenAPI and docs on loopback', async () => {
    first = await npmStart();
    expect(first.output()).toMatch(/Documentation\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
    expect(first.output()).toMatch(/Boîte aux lettres\s+http:\/\/127\.0\.0\.1:\d+/);
    const health = await fetch(`${first.api}/v1/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const openapi = (await (await fetch(`${first.api}/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/v1/health');
    expect((await fetch(`${first.api}/docs`)).status).toBe(200);
  });

  it('stops cleanly on Ctrl-C', async () => {
    const client = dynamoClient(first.dynamodb);
    await client.send(
      new PutItemCommand({ TableName: 'segur-mss', Item: { ...marker, note: { S: 'kept' } } }),
    );
    client.destroy();
    const [code, signal] = await interrupt(first);
    // npm itself reports the interrupt as a signal; the server below it stops and exits 0.
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(first.output()).toContain('Arrêt');
    expect(first.output()).not.toMatch(/Error|ERR!/);
    await expect(fetch(`${first.api}/v1/health`)).rejects.toThrow();
  });

  it('keeps its data across restarts', async () => {
    const second = await npmStart();
    const client = dynamoClient(second.dynamodb);
    const { Item } = await client.send(new GetItemCommand({ TableName: 'segur-mss', Key: marker }));
    client.destroy();
    expect(Item?.note?.S).toBe('kept');
    await interrupt(second);
  });
});

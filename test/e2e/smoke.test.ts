import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { type NpmStart, npmStart } from '../support/npm-start.ts';

const dataDirectory = mkdtempSync(join(tmpdir(), 'segur-mss-e2e-'));
const running: NpmStart[] = [];

async function start(): Promise<NpmStart> {
  const started = await npmStart(dataDirectory);
  running.push(started);
  return started;
}

afterAll(() => {
  for (const started of running) started.kill();
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
  let first: NpmStart;

  it('prints the API, docs and mailbox URLs and serves health, OpenAPI and docs on loopback', async () => {
    first = await start();
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
    const [code, signal] = await first.interrupt();
    // npm itself reports the interrupt as a signal; the server below it stops and exits 0.
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(first.output()).toContain('Arrêt');
    expect(first.output()).not.toMatch(/Error|ERR!/);
    await expect(fetch(`${first.api}/v1/health`)).rejects.toThrow();
  });

  it('keeps its data across restarts', async () => {
    const second = await start();
    const client = dynamoClient(second.dynamodb);
    const { Item } = await client.send(new GetItemCommand({ TableName: 'segur-mss', Key: marker }));
    client.destroy();
    expect(Item?.note?.S).toBe('kept');
    await second.interrupt();
  });
});

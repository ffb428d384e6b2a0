import { expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';

/** The opt-in SDK middleware `npm run bench` uses to count DynamoDB calls per operation. */
const local = useLocalCloud({ environment: { COUNT_DYNAMODB_CALLS: 'true' } });

it('records every DynamoDB call of a request, with its command, key entity and route', async () => {
  const { dynamoDbCalls } = await import('#shared/storage/call-recorder.ts');
  dynamoDbCalls.length = 0;
  const response = await local.api.get('/v1/health');
  expect(response.status).toBe(200);
  expect(dynamoDbCalls).toEqual([{ command: 'GetItemCommand', entity: 'HEALTH', origin: 'getHealth' }]);

  dynamoDbCalls.length = 0;
  await local.api.get('/openapi.json');
  expect(dynamoDbCalls).toEqual([]);
});

it("tells the calls of the workflow tasks a request starts from the request's own", async () => {
  const { createServer } = await import('node:http');
  const { dynamoDbCalls } = await import('#shared/storage/call-recorder.ts');
  const { withOrigin } = await import('#shared/storage/call-origin.ts');
  const { getItem } = await import('#shared/storage/store.ts');
  const keys = await import('#shared/storage/keys.ts');
  // Like the local Step Functions endpoint: a server in this process, reached over HTTP by the
  // handler, runs the task in its own request's context.
  const server = createServer((_request, response) => {
    void getItem(keys.healthProbe()).then(() => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  dynamoDbCalls.length = 0;
  await withOrigin('someRoute', async () => {
    await getItem(keys.healthProbe());
    await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text());
  });
  server.close();
  expect(dynamoDbCalls.map((call) => call.origin)).toEqual(['someRoute', undefined]);
});

it('logs in with 3 calls: one batched read (credentials, unknown-identifier count, source failures), the outcome, the session', async () => {
  const { dynamoDbCalls } = await import('#shared/storage/call-recorder.ts');
  const { DEMO_INSTRUCTOR } = await import('#infra/local/demo-data.ts');
  const login = async (password: string, expectedStatus: number) => {
    dynamoDbCalls.length = 0;
    const response = await local.api.post('/v1/sessions', {
      identifier: DEMO_INSTRUCTOR.identifier,
      password,
    });
    expect(response.status).toBe(expectedStatus);
    return dynamoDbCalls.map((call) => `${call.command} ${call.entity ?? ''}`.trim());
  };
  await login(DEMO_INSTRUCTOR.password, 201); // warm Lambda
  const success = await login(DEMO_INSTRUCTOR.password, 201);
  // 1 read + 2 writes: BatchGetItem has no single key, hence no entity.
  expect(success).toEqual(['BatchGetItemCommand', 'UpdateItemCommand CREDENTIALS', 'PutItemCommand SESSION']);

  // A failure: the outcome on the credentials, then (at once) the source's failure count and the
  // journal record.
  const failure = await login('Pas-Le-Bon-1!', 401);
  expect(failure.slice(0, 2)).toEqual(['BatchGetItemCommand', 'UpdateItemCommand CREDENTIALS']);
  expect(failure.slice(2).sort()).toEqual(['PutItemCommand ACCOUNT', 'UpdateItemCommand RATE']);
  // An unknown identifier: its own item, read in the same BatchGetItem, takes the outcome.
  dynamoDbCalls.length = 0;
  const unknown = await local.api.post('/v1/sessions', {
    identifier: 'personne.inconnue',
    password: 'Pas-Le-Bon-1!',
  });
  expect(unknown.status).toBe(401);
  expect(dynamoDbCalls.map((call) => `${call.command} ${call.entity ?? ''}`.trim())).toEqual([
    'BatchGetItemCommand',
    'PutItemCommand LOGIN_ATTEMPTS',
    'UpdateItemCommand RATE',
  ]);
  expect(await login(DEMO_INSTRUCTOR.password, 201)).toHaveLength(3);
});

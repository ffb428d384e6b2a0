import { expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';

/** The opt-in SDK middleware `npm run bench` uses to count DynamoDB calls per operation. */
const local = useLocalCloud({ environment: { COUNT_DYNAMODB_CALLS: 'true' } });

it('records every DynamoDB call of a request, with its command and key entity', async () => {
  const { dynamoDbCalls } = await import('../../shared/storage/client.ts');
  dynamoDbCalls.length = 0;
  const response = await local.api.get('/v1/health');
  expect(response.status).toBe(200);
  expect(dynamoDbCalls).toEqual([{ command: 'GetItemCommand', entity: 'HEALTH' }]);

  dynamoDbCalls.length = 0;
  await local.api.get('/openapi.json');
  expect(dynamoDbCalls).toEqual([]);
});

it('logs in with 5 calls: source limit, identifier guard, count + read, success write, session', async () => {
  const { dynamoDbCalls } = await import('../../shared/storage/client.ts');
  const { DEMO_INSTRUCTOR } = await import('../../infra/local/demo-data.ts');
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
  expect(success).toEqual([
    'UpdateItemCommand RATE',
    'GetItemCommand GUARD',
    'UpdateItemCommand ACCOUNT',
    'UpdateItemCommand ACCOUNT',
    'PutItemCommand SESSION',
  ]);
  expect(success).toHaveLength(5);

  // A failure: the count's delay or lock, and the account's journal record.
  expect(await login('Pas-Le-Bon-1!', 401)).toEqual([
    'UpdateItemCommand RATE',
    'GetItemCommand GUARD',
    'UpdateItemCommand ACCOUNT',
    'UpdateItemCommand ACCOUNT',
    'PutItemCommand ACCOUNT',
  ]);
  // An unknown identifier: as many calls before the hash check, on its own counter item.
  dynamoDbCalls.length = 0;
  const unknown = await local.api.post('/v1/sessions', {
    identifier: 'personne.inconnue',
    password: 'Pas-Le-Bon-1!',
  });
  expect(unknown.status).toBe(401);
  expect(dynamoDbCalls.map((call) => `${call.command} ${call.entity ?? ''}`.trim())).toEqual([
    'UpdateItemCommand RATE',
    'GetItemCommand GUARD',
    'UpdateItemCommand LOGIN_ATTEMPTS',
    'UpdateItemCommand LOGIN_ATTEMPTS',
  ]);
  expect(await login(DEMO_INSTRUCTOR.password, 201)).toHaveLength(5);
});

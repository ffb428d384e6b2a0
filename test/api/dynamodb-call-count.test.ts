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

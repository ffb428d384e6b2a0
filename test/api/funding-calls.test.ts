import { describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';
import { instructor, operatorWith } from '../support/operators.ts';

// Counts the DynamoDB calls of each funding operation (the bench's counter, same process).
const local = useLocalCloud({ environment: { PASSWORD_HASH_LOG_N: '10', COUNT_DYNAMODB_CALLS: 'true' } });

const tens = { applicatives: 10, organisationnelles: 10, personnelles: 10 };

async function callsOf(run: () => Promise<{ status: number }>, expectedStatus: number) {
  const { dynamoDbCalls } = await import('#shared/storage/call-recorder.ts');
  dynamoDbCalls.length = 0;
  const response = await run();
  expect(response.status).toBe(expectedStatus);
  // The authorizer's session lookup (and renewal) is the gateway's, not the operation's.
  return dynamoDbCalls
    .filter((call) => !call.origin?.endsWith('#authorizer'))
    .map((call) => `${call.command} ${call.entity ?? ''}`.trim());
}

describe('DynamoDB calls per funding operation (warm Lambda: the call record is cached)', () => {
  it("stays within a few calls, the advance in one read and three writes (number, the operator's claim, dossier)", async () => {
    const operator = await operatorWith(local);
    const asp = await instructor(local);
    await local.api.get('/v1/funding/advance', operator.headers); // warms the call cache

    const form = await callsOf(() => local.api.get('/v1/funding/advance', operator.headers), 200);
    expect(form).toEqual(['QueryCommand']);

    let number = '';
    const submit = await callsOf(async () => {
      const response = await local.api.post(
        '/v1/funding/advance',
        { current: tens, estimatedAtClosing: tens },
        operator.headers,
      );
      number = response.body.number;
      return response;
    }, 201);
    expect(submit).toEqual([
      'QueryCommand',
      'UpdateItemCommand COUNTER',
      'PutItemCommand ADVANCE_CLAIM',
      'PutItemCommand DOSSIER',
    ]);
    await local.cloud.settleWorkflows();

    const view = await callsOf(() => local.api.get(`/v1/funding/dossiers/${number}`, operator.headers), 200);
    expect(view).toEqual(['QueryCommand']);
    const list = await callsOf(() => local.api.get('/v1/admin/dossiers?status=DECIDEE', asp.headers), 200);
    expect(list).toEqual(['QueryCommand']);
  });
});

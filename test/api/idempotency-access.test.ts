import { randomUUID } from 'node:crypto';
import { DynamoDBClient, ScanCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { hashDraftToken, newDraftToken } from '#shared/enrolment/draft-token.ts';
import * as keys from '#shared/storage/keys.ts';
import { bankBody, createDraft, type Draft } from '../support/enrolment.ts';
import type { ApiResponse } from '../support/harness.ts';
import { useLocalCloud } from '../support/harness.ts';

/**
 * An Idempotency-Key replay never bypasses access (issue 11, item 1): the draft token is checked
 * before any replay, and a stored outcome is scoped to the credential it was made with, so the
 * same key and body sent with another draft's token, or none, replay nothing.
 */
const local = useLocalCloud();

const withKey = (headers: Record<string, string>, key: string) => ({ ...headers, 'idempotency-key': key });

/** What the holder's retry, another draft's token and no token get for the same key and body. */
async function replays(
  send: (headers: Record<string, string>) => Promise<ApiResponse>,
  owner: Draft,
  other: Draft,
  firstStatus: number,
) {
  const key = randomUUID();
  const first = await send(withKey(owner.headers, key));
  expect(first.status, JSON.stringify(first.body)).toBe(firstStatus);
  const retry = await send(withKey(owner.headers, key));
  expect(retry.status).toBe(firstStatus);
  expect(retry.headers.get('idempotency-replayed')).toBe('true');

  const otherToken = await send(withKey(other.headers, key));
  expect(otherToken.status).toBe(403);
  expect(otherToken.body.code).toBe('draft_token_invalid');
  const noToken = await send({ 'idempotency-key': key });
  expect(noToken.status).toBe(401);
  expect(noToken.body.code).toBe('draft_token_required');
  for (const refused of [otherToken, noToken]) {
    expect(refused.headers.get('idempotency-replayed')).toBeNull();
    expect(JSON.stringify(refused.body)).not.toContain(owner.id);
  }
  return first;
}

describe('Idempotency-Key replays never bypass the draft token', () => {
  it('PUT …/steps/bank: another draft’s token or none gets 403 / 401, never the stored draft', async () => {
    const [owner, other] = [await createDraft(local.api), await createDraft(local.api)];
    const first = await replays(
      (headers) => local.api.put(`/v1/enrolments/${owner.id}/steps/bank`, bankBody, headers),
      owner,
      other,
      200,
    );
    expect(first.body.bank.iban).toBeDefined();
  });

  it('POST …/documents: a replay hands no upload form to another token or to none', async () => {
    const [owner, other] = [await createDraft(local.api), await createDraft(local.api)];
    const body = { field: 'rib', fileName: 'rib.pdf', contentType: 'application/pdf' };
    const first = await replays(
      (headers) => local.api.post(`/v1/enrolments/${owner.id}/documents`, body, headers),
      owner,
      other,
      201,
    );
    expect(first.body.fields).toBeDefined();
  });

  it('DELETE …/steps/{step}: no replay for another token or none', async () => {
    const [owner, other] = [await createDraft(local.api), await createDraft(local.api)];
    await local.api.put(`/v1/enrolments/${owner.id}/steps/bank`, bankBody, owner.headers);
    await replays(
      (headers) => local.api.delete(`/v1/enrolments/${owner.id}/steps/bank`, headers),
      owner,
      other,
      200,
    );
  });

  it('a draft token renewed since (changes requested) no longer replays what the old one did', async () => {
    const owner = await createDraft(local.api);
    const key = randomUUID();
    const save = (headers: Record<string, string>) =>
      local.api.put(`/v1/enrolments/${owner.id}/steps/bank`, bankBody, withKey(headers, key));
    expect((await save(owner.headers)).status).toBe(200);
    // What renewDraftToken does when the request comes back "à modifier": a new token's hash replaces the old one.
    const renewed = newDraftToken();
    await new DynamoDBClient({}).send(
      new UpdateItemCommand({
        TableName: process.env.TABLE_NAME as string,
        Key: { PK: { S: keys.enrolment(owner.id).PK }, SK: { S: keys.enrolment(owner.id).SK } },
        UpdateExpression: 'SET draftTokenHash = :hash',
        ExpressionAttributeValues: { ':hash': { S: hashDraftToken(renewed) } },
      }),
    );
    const stale = await save(owner.headers);
    expect(stale.status).toBe(403);
    expect(stale.headers.get('idempotency-replayed')).toBeNull();
    // The new token is another credential: the same key runs the request afresh.
    const fresh = await save({ 'x-draft-token': renewed });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('idempotency-replayed')).toBeNull();
  });
});

describe('POST /v1/enrolments: the key is not a credential', () => {
  it('a second anonymous client with the same key and body gets its own draft, never the first one’s token', async () => {
    const key = randomUUID();
    const body = { referencingNumber: 'zbuMSS0046' };
    const first = await local.api.post('/v1/enrolments', body, { 'idempotency-key': key });
    const second = await local.api.post('/v1/enrolments', body, { 'idempotency-key': key });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotency-replayed')).toBeNull();
    expect(second.body.draftToken).not.toBe(first.body.draftToken);
    expect(second.body.enrolment.id).not.toBe(first.body.enrolment.id);
    const intruder = await local.api.get(`/v1/enrolments/${first.body.enrolment.id}`, {
      'x-draft-token': second.body.draftToken,
    });
    expect(intruder.status).toBe(403);
  });

  it('no stored idempotency record holds a draft token', async () => {
    const key = randomUUID();
    const created = await local.api.post(
      '/v1/enrolments',
      { referencingNumber: 'zbuMSS0046' },
      { 'idempotency-key': key },
    );
    expect(created.status).toBe(201);
    // Test-only look at the whole emulated table (the application never scans).
    const { Items = [] } = await new DynamoDBClient({}).send(
      new ScanCommand({ TableName: process.env.TABLE_NAME as string }),
    );
    const records = Items.filter((item) => item.PK?.S?.startsWith('IDEMPOTENCY#'));
    expect(records.some((item) => item.PK?.S?.startsWith('IDEMPOTENCY#createEnrolment'))).toBe(false);
    expect(JSON.stringify(records)).not.toContain(created.body.draftToken);
  });
});

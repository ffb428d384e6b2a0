import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../storage/client.ts';
import { keys } from '../storage/keys.ts';
import { isConditionFailure } from '../storage/store.ts';
import { hashDraftToken, newDraftToken } from './draft-token.ts';

/**
 * Issues a new draft token for an enrolment sent back to its applicant ("à modifier"): only
 * hashes are stored, so the link in the email must carry a token made at that moment. The new
 * hash replaces the previous one (older links stop working). Returns undefined when the
 * enrolment is no longer awaiting changes.
 */
export async function renewDraftToken(enrolmentId: string, at: string): Promise<string | undefined> {
  const token = newDraftToken();
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.enrolment(enrolmentId),
        UpdateExpression: 'SET draftTokenHash = :hash, updatedAt = :at ADD version :one',
        ConditionExpression: '#status = :awaitingChanges',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':hash': hashDraftToken(token),
          ':at': at,
          ':one': 1,
          ':awaitingChanges': 'A_MODIFIER',
        },
      }),
    );
    return token;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

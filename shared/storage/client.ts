import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { readEnv } from '../config.ts';

/** Created once per cold start; locally AWS_ENDPOINT_URL_DYNAMODB points it at the emulator. */
export const { TABLE_NAME: tableName } = readEnv({ TABLE_NAME: z.string().check(z.minLength(1)) });

export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

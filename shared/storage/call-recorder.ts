import { callOrigin } from './call-origin.ts';
import { documentClient } from './client.ts';

/**
 * The DynamoDB call recorder of `npm run bench` and of the tests that count calls: importing this
 * module starts recording every call of this process's document client (the handlers the local
 * cloud runs in process). Nothing deployed imports it, so no Lambda bundle carries it.
 */

/** One DynamoDB call: its command and the entity prefix of the key it names (e.g. `SESSION`). */
export interface DynamoDbCall {
  command: string;
  entity?: string;
  /** The gateway route it was made for (COUNT_DYNAMODB_CALLS=true); absent for workflow tasks and other background work. */
  origin?: string;
}

/** The low-level (marshalled) input of a recorded call and when it ran: the bench's bare handlers replay it. */
export interface DynamoDbCallReplay {
  input: unknown;
  startedAt: number;
  endedAt?: number;
}

export const dynamoDbCalls: DynamoDbCall[] = [];
export const dynamoDbCallReplays = new WeakMap<DynamoDbCall, DynamoDbCallReplay>();

const entityOf = (input: Record<string, unknown>) => {
  const key = (input.Key ?? input.Item) as Record<string, unknown> | undefined;
  const pk = key?.PK as string | { S?: string } | undefined;
  const value = typeof pk === 'string' ? pk : pk?.S;
  return value?.split('#')[0];
};

documentClient.middlewareStack.add(
  (next, context) => async (args) => {
    const entity = entityOf(args.input as Record<string, unknown>);
    const origin = callOrigin.getStore();
    const call: DynamoDbCall = {
      command: context.commandName ?? 'unknown',
      ...(entity ? { entity } : {}),
      ...(origin ? { origin } : {}),
    };
    // A copy: the SDK may change the input object once sent.
    const replay: DynamoDbCallReplay = { input: structuredClone(args.input), startedAt: performance.now() };
    dynamoDbCalls.push(call);
    dynamoDbCallReplays.set(call, replay);
    try {
      return await next(args);
    } finally {
      replay.endedAt = performance.now();
    }
  },
  // After the document client's marshalling: the input is what goes on the wire.
  { step: 'build', name: 'countDynamoDbCalls' },
);

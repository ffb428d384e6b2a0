import * as dynamodb from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { RouteSlice } from '#functions/route-table.ts';
import type { HttpResponse } from '#shared/http/handler.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import type { DynamoDbCallReplay } from '#shared/storage/call-recorder.ts';

/**
 * The bench's bare baseline of a route: a plain async function, no wrapper, validation or use
 * case, making the same DynamoDB calls as the route's warm request (the same commands with the
 * same wire inputs, recorded by `COUNT_DYNAMODB_CALLS`, calls that overlapped sent together) and
 * answering the route's recorded response. Served by the bench's gateway with the route's access,
 * so the authorizer's session lookup is the same on both sides: route ÷ bare is the cost of
 * the handler's own code.
 */
interface Exchange {
  /** Calls grouped as the route made them: the calls of one group overlapped in time. */
  waves: { command: string; input: unknown }[][];
  response: HttpResponse;
}

const exchanges = new Map<string, Exchange>();
const client = new dynamodb.DynamoDBClient({});
const commands = dynamodb as unknown as Record<string, new (input: unknown) => dynamodb.GetItemCommand>;

export const bareRouteId = (route: RouteDefinition) => `bare_${route.id}`;

/** The bare twin of a route: same access (same authorizer), its own path. */
export const bareRoute = (route: RouteSlice): RouteSlice => ({
  ...route,
  id: bareRouteId(route),
  path: `/bench/bare/${route.id}`,
  handler: 'bench/bare-route.ts',
});

/** Calls that started before the previous ones ended ran concurrently: they are replayed so. */
function waves(calls: (DynamoDbCallReplay & { command: string })[]): Exchange['waves'] {
  const result: Exchange['waves'] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const call of calls) {
    const replayed = { command: call.command, input: call.input };
    const last = result.at(-1);
    if (last && call.startedAt < end) last.push(replayed);
    else result.push([replayed]);
    end = Math.max(end, call.endedAt ?? call.startedAt);
  }
  return result;
}

export function recordExchange(
  route: RouteDefinition,
  calls: (DynamoDbCallReplay & { command: string })[],
  response: HttpResponse,
) {
  exchanges.set(bareRouteId(route), { waves: waves(calls), response });
}

export async function handler(_event: unknown, context: Context): Promise<HttpResponse> {
  const exchange = exchanges.get(context.functionName);
  if (!exchange) throw new Error(`No recorded exchange for ${context.functionName}`);
  for (const wave of exchange.waves) {
    await Promise.all(
      wave.map(({ command, input }) => {
        const Command = commands[command];
        if (!Command) throw new Error(`Unknown DynamoDB command ${command}`);
        return client.send(new Command(input));
      }),
    );
  }
  return exchange.response;
}

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { authorizerOrigin } from '#shared/storage/call-origin.ts';
import type { DynamoDbCall } from '#shared/storage/call-recorder.ts';
import type { Call, Request, Scenario } from './scenarios.ts';

export interface PreparedScenario {
  scenario: Scenario;
  request: Request;
}

export interface CallFigures {
  name: string;
  routeId: string;
  kind: Scenario['kind'];
  status: number;
  /** False when the route did not answer the scenario's expected status (its figures then mean little). */
  statusAsExpected: boolean;
  /** Calls made for the request itself, besides the session lookup. */
  calls: number;
  reads: number;
  writes: number;
  sessionCalls: number;
  /** Calls made meanwhile by workflow tasks the request started (local Step Functions, same process). */
  backgroundCalls: number;
  commands: string[];
  /** The bar as printed: reads ≤ 1 (+ session) for a read; reads ≤ 1 and writes ≤ 2 for a write. */
  bar: string;
  withinBar: boolean;
}

const READ_COMMANDS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'ScanCommand']);

/** DynamoDB calls of one warm request (a first request, freshly prepared, warms the handler and its config). */
export async function countCalls(
  prepared: PreparedScenario,
  call: Call,
  log: DynamoDbCall[],
  settleWorkflows: () => Promise<void>,
): Promise<CallFigures> {
  await call(await prepared.scenario.prepare(call));
  // Workflow tasks run in this process too: let the ones already started finish first. The
  // count stops at the response, before the tasks a measured write starts get to run.
  await settleWorkflows();
  log.length = 0;
  const { status } = await call(prepared.request);
  const routeId = prepared.scenario.routeId;
  // The authorizer's session read (and its occasional renewal) is counted apart, as the bar says.
  const session = log.filter((c) => c.origin === authorizerOrigin(routeId));
  const own = log.filter((c) => c.origin === routeId);
  const made = [...session, ...own];
  const reads = own.filter((c) => READ_COMMANDS.has(c.command)).length;
  const writes = own.length - reads;
  const isRead = prepared.scenario.kind === 'read';
  return {
    name: prepared.scenario.name,
    routeId,
    kind: prepared.scenario.kind,
    status,
    statusAsExpected: status === prepared.scenario.expectedStatus,
    calls: own.length,
    reads,
    writes,
    sessionCalls: session.length,
    backgroundCalls: log.length - made.length,
    commands: made.map((c) => `${c.command.replace(/Command$/, '')}${c.entity ? `(${c.entity})` : ''}`),
    bar: isRead ? '≤ 1' : 'r ≤ 1, w ≤ 2',
    withinBar: isRead ? own.length <= 1 : reads <= 1 && writes <= 2,
  };
}

export interface LatencyFigures {
  name: string;
  path: string;
  requests: number;
  non2xx: number;
  p50: number;
  p99: number;
  noopP50: number;
  noopP99: number;
  /** Ratios to the no-op route (the gateway and wrapper alone, no AWS call). */
  p50Ratio: number;
  p99Ratio: number;
  /** The bare handler making the same DynamoDB calls (bench/bare-route.ts) and the ratios to it. */
  bareP50: number;
  bareP99: number;
  /** A bare handler that fails (a replay the emulator refuses) answers fast: its figures then mean nothing. */
  bareNon2xx: number;
  bareP50Ratio: number;
  bareP99Ratio: number;
}

/** A route's p99 under load at most this many times its bare handler's. */
export const LATENCY_BAR = 1.5;

interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { total: number };
  non2xx: number;
  errors: number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** autocannon in its own process, so the load generator does not share the gateway's event loop. */
function autocannon(url: string, request: Request, seconds: number, connections: number) {
  const args = [
    autocannonBin,
    '--json',
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-m',
    request.method,
  ];
  for (const [name, value] of Object.entries(request.headers ?? {})) args.push('-H', `${name}=${value}`);
  if (request.body !== undefined)
    args.push('-H', 'content-type=application/json', '-b', JSON.stringify(request.body));
  args.push(url + request.path);
  return new Promise<AutocannonResult>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(output) as AutocannonResult)
        : reject(new Error(`autocannon exited ${code}`)),
    );
  });
}

export async function measureLatency(
  prepared: PreparedScenario,
  baseUrl: string,
  baselines: { noop: Request; bare: Request },
  options: { seconds: number; connections: number },
): Promise<LatencyFigures> {
  // The baselines right before the route: all see about the same machine load.
  const base = await autocannon(baseUrl, baselines.noop, options.seconds, options.connections);
  const bare = await autocannon(baseUrl, baselines.bare, options.seconds, options.connections);
  const own = await autocannon(baseUrl, prepared.request, options.seconds, options.connections);
  return {
    name: prepared.scenario.name,
    path: prepared.request.path,
    requests: own.requests.total,
    non2xx: own.non2xx + own.errors,
    p50: own.latency.p50,
    p99: own.latency.p99,
    noopP50: base.latency.p50,
    noopP99: base.latency.p99,
    p50Ratio: own.latency.p50 / Math.max(base.latency.p50, 1),
    p99Ratio: own.latency.p99 / Math.max(base.latency.p99, 1),
    bareP50: bare.latency.p50,
    bareP99: bare.latency.p99,
    bareNon2xx: bare.non2xx + bare.errors,
    bareP50Ratio: own.latency.p50 / Math.max(bare.latency.p50, 1),
    bareP99Ratio: own.latency.p99 / Math.max(bare.latency.p99, 1),
  };
}

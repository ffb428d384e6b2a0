import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { authorizerModule, routeTable } from '#functions/route-table.ts';
import { REPOSITORY_ROOT } from '#infra/bundling.ts';
import { startLocalCloud } from '#infra/local/cloud.ts';
import { startGateway } from '#infra/local/gateway.ts';
import { BUNDLE_BAR, type BundleFigures, measureBundles } from './bundles.ts';
import {
  type CallFigures,
  countCalls,
  LATENCY_BAR,
  type LatencyFigures,
  measureLatency,
  type PreparedScenario,
} from './operations.ts';
import { ENTRY_CHUNK_BAR_BYTES, measureEntryChunk } from './portal.ts';
import { type Call, scenarios } from './scenarios.ts';
import { printTable } from './table.ts';

/**
 * `npm run bench`: bundle size and cold init per function against its AWS-client baseline,
 * DynamoDB calls per main operation, and latency under 20 concurrent clients against a bare
 * handler making the same DynamoDB calls (bench/bare-route.ts) and a no-op route, all behind the
 * same local gateway. Prints three tables; writes them as JSON under bench/results/.
 * BENCH_INIT_RUNS (default 21) and BENCH_SECONDS (default 5) trade precision for time;
 * BENCH_ROUTES (route ids, comma-separated) runs the scenarios of these routes only.
 */
process.env.COUNT_DYNAMODB_CALLS = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
// Business metrics (EMF lines on stdout) would interleave with the tables.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
const initRuns = Number(process.env.BENCH_INIT_RUNS ?? 21);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 20;
const resultsDirectory = join(REPOSITORY_ROOT, 'bench/results');
mkdirSync(resultsDirectory, { recursive: true });

const fixed = (value: number, digits = 2) => value.toFixed(digits);
/** A function without AWS client has an empty baseline: its ratio says nothing (`n/a`). */
const withinBundleBar = (b: BundleFigures) => b.sizeRatio <= BUNDLE_BAR && b.initRatio <= BUNDLE_BAR;
const kib = (bytes: number) => `${fixed(bytes / 1024, 1)} KiB`;

const entryChunk = await measureEntryChunk();
console.log(
  `Portal entry chunk (production build, JavaScript): ${entryChunk.fileName} ${kib(entryChunk.bytes)}, ${kib(entryChunk.gzipBytes)} gzip (bar ${kib(ENTRY_CHUNK_BAR_BYTES)} gzip: ${entryChunk.gzipBytes <= ENTRY_CHUNK_BAR_BYTES ? 'ok' : 'ABOVE'})`,
);
if (entryChunk.gzipBytes > ENTRY_CHUNK_BAR_BYTES)
  console.log(
    `  largest modules: ${entryChunk.largestModules.map((m) => `${m.id} ${kib(m.bytes)}`).join(', ')}`,
  );
writeFileSync(join(resultsDirectory, 'portal.json'), JSON.stringify(entryChunk, null, 2));

console.log(
  `Bundles as deployed (esbuild, minified ESM); cold init = CPU ms to import in a fresh Node process, median of ${initRuns} rounds, ratio = median of each round's ratio to its baseline`,
);
const bundles = await measureBundles(resultsDirectory, initRuns);
printTable(
  bundles.map((b) => ({
    function: b.id,
    clients: b.clients.join(' ') || '—',
    size: kib(b.bytes),
    baseline: kib(b.baselineBytes),
    'size ×': fixed(b.sizeRatio),
    'init ms': fixed(b.initMs, 1),
    'baseline ms': fixed(b.baselineInitMs, 1),
    'init ×': fixed(b.initRatio),
    bar: b.clients.length === 0 ? 'n/a' : withinBundleBar(b) ? 'ok' : 'ABOVE',
  })),
);
for (const b of bundles.filter((f) => f.clients.length > 0 && !withinBundleBar(f)))
  console.log(
    `  ${b.id} above ${BUNDLE_BAR}×, largest contributors over the baseline: ${b.contributors.map((c) => `${c.name} ${kib(c.bytes)}`).join(', ')}`,
  );

const dataDirectory = mkdtempSync(join(tmpdir(), 'segur-bench-'));
const cloud = await startLocalCloud({
  ports: { api: 0, dynamodb: 0, s3: 0, ses: 0, sfn: 0 },
  dataDirectory,
  persist: false,
});
const loadHandler = async (modulePath: string) =>
  (await import(pathToFileURL(join(REPOSITORY_ROOT, modulePath)).href)).handler;
// Imported once the local cloud has set the handlers' environment (modules read it at load).
const { noopRoute } = await import('./noop-route.ts');
const { bareRoute, recordExchange } = await import('./bare-route.ts');
const loadRouteIds = new Set(scenarios.filter((s) => s.underLoad).map((s) => s.routeId));
const bareRoutes = new Map(routeTable.filter((r) => loadRouteIds.has(r.id)).map((r) => [r.id, bareRoute(r)]));
const gateway = await startGateway({
  port: 0,
  routes: [...routeTable, noopRoute, ...bareRoutes.values()],
  loadHandler,
  authorizerModule,
  corsOrigins: ['*'],
  docsDirectory: join(REPOSITORY_ROOT, 'node_modules/swagger-ui-dist'),
});
const { dynamoDbCalls, dynamoDbCallReplays } = await import('#shared/storage/call-recorder.ts');

const call: Call = async (request) => {
  const response = await fetch(gateway.url + request.path, {
    method: request.method,
    headers: {
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

const routeIds = new Set(routeTable.map((route) => route.id));
const onlyRoutes = process.env.BENCH_ROUTES?.split(',');
const runnable = scenarios.filter(
  (s) =>
    [s.routeId, ...(s.needs ?? [])].every((id) => routeIds.has(id)) &&
    (!onlyRoutes || onlyRoutes.includes(s.routeId)),
);
const skipped = scenarios
  .filter((s) => ![s.routeId, ...(s.needs ?? [])].every((id) => routeIds.has(id)))
  .map((s) => s.name);
const prepared: PreparedScenario[] = [];
const failed: { name: string; error: string }[] = [];
for (const scenario of runnable) {
  try {
    prepared.push({ scenario, request: await scenario.prepare(call) });
  } catch (error) {
    // A scenario whose setup broke (a route or helper changed) must not lose the other figures.
    failed.push({ name: scenario.name, error: (error as Error).message });
  }
}

console.log(
  '\nDynamoDB calls per operation (warm request; the session lookup counted apart; calls of the workflow tasks it starts listed apart)',
);
const calls: CallFigures[] = [];
for (const item of prepared) calls.push(await countCalls(item, call, dynamoDbCalls, cloud.settleWorkflows));
printTable(
  calls.map((c) => ({
    operation: c.name,
    kind: c.kind,
    status: c.statusAsExpected ? String(c.status) : `${c.status} UNEXPECTED`,
    calls: String(c.calls),
    'reads/writes': `${c.reads}/${c.writes}`,
    session: String(c.sessionCalls),
    bar: `${c.bar}${c.withinBar ? ' ok' : ' ABOVE'}`,
    'tasks meanwhile': String(c.backgroundCalls),
    commands: c.commands.join(' '),
  })),
);

/** Records a route's warm exchange (its own DynamoDB calls and its response) for its bare twin. */
async function recordBareExchange(item: PreparedScenario) {
  const route = routeTable.find((r) => r.id === item.scenario.routeId);
  if (!route) throw new Error(`No route ${item.scenario.routeId}`);
  await cloud.settleWorkflows();
  dynamoDbCalls.length = 0;
  const response = await fetch(gateway.url + item.request.path, {
    method: item.request.method,
    headers: item.request.headers ?? {},
  });
  const body = await response.text();
  const headers: Record<string, string> = {};
  // The route's own headers; the gateway adds CORS and Node the connection headers again.
  response.headers.forEach((value, name) => {
    if (
      !/^(access-control-|vary$|date$|connection$|keep-alive$|content-length$|transfer-encoding$)/.test(name)
    )
      headers[name] = value;
  });
  const own = dynamoDbCalls
    .filter((c) => c.origin === route.id)
    .map((c) => ({
      command: c.command,
      ...(dynamoDbCallReplays.get(c) ?? { input: undefined, startedAt: 0 }),
    }));
  recordExchange(route, own, { statusCode: response.status, headers, body });
  return { ...item.request, path: (bareRoutes.get(route.id) ?? route).path };
}

console.log(
  `\nLatency under ${connections} concurrent clients, ${seconds} s each, ratio to a bare handler making the same DynamoDB calls (bar: p99 ≤ ${LATENCY_BAR}×) and to the no-op route`,
);
const noop = { method: 'GET' as const, path: noopRoute.path };
const latency: LatencyFigures[] = [];
for (const item of prepared.filter((p) => p.scenario.underLoad)) {
  const bare = await recordBareExchange(item);
  latency.push(await measureLatency(item, gateway.url, { noop, bare }, { seconds, connections }));
  // The call log grows with every request under load; only the warm requests above read it.
  dynamoDbCalls.length = 0;
}
printTable(
  latency.map((l) => ({
    route: l.name,
    requests: String(l.requests),
    'non-2xx': String(l.non2xx),
    'p50 ms': String(l.p50),
    'p99 ms': String(l.p99),
    'bare p50/p99': `${l.bareP50}/${l.bareP99}`,
    'p50 × bare': fixed(l.bareP50Ratio),
    'p99 × bare': fixed(l.bareP99Ratio),
    'bare non-2xx': String(l.bareNon2xx),
    bar: l.bareNon2xx > 0 ? 'BARE FAILED' : l.bareP99Ratio <= LATENCY_BAR ? 'ok' : 'ABOVE',
    'no-op p50/p99': `${l.noopP50}/${l.noopP99}`,
    'p99 × no-op': fixed(l.p99Ratio, 1),
  })),
);
if (skipped.length > 0)
  console.log(`\nScenarios skipped (route not in the table yet): ${skipped.join(', ')}`);
for (const { name, error } of failed) console.log(`Scenario "${name}" could not be prepared: ${error}`);

// Requests autocannon left queued in the gateway finish before the emulators stop.
await new Promise((resolve) => setTimeout(resolve, 1000));
await gateway.stop();
await cloud.stop();
rmSync(dataDirectory, { recursive: true, force: true });

const report = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  settings: { initRuns, seconds, connections, bundleBar: BUNDLE_BAR, latencyBar: LATENCY_BAR },
  bundles,
  dynamodbCalls: calls,
  latency,
  skipped,
  failed,
};
const file = join(resultsDirectory, `bench-${report.measuredAt.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(resultsDirectory, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWritten to ${file}`);

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
  type LatencyFigures,
  measureLatency,
  type PreparedScenario,
} from './operations.ts';
import { ENTRY_CHUNK_BAR_BYTES, measureEntryChunk } from './portal.ts';
import { type Call, scenarios } from './scenarios.ts';
import { printTable } from './table.ts';

/**
 * `npm run bench`: bundle size and cold init per function against its AWS-client baseline,
 * DynamoDB calls per main operation, and latency under 20 concurrent clients against a no-op
 * route of the same local gateway. Prints three tables; writes them as JSON under bench/results/.
 * BENCH_INIT_RUNS (default 21) and BENCH_SECONDS (default 5) trade precision for time.
 */
process.env.COUNT_DYNAMODB_CALLS = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
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
const gateway = await startGateway({
  port: 0,
  routes: [...routeTable, noopRoute],
  loadHandler,
  authorizerModule,
  corsOrigins: ['*'],
  docsDirectory: join(REPOSITORY_ROOT, 'node_modules/swagger-ui-dist'),
});
const { dynamoDbCalls } = await import('#shared/storage/client.ts');

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
const runnable = scenarios.filter((s) => [s.routeId, ...(s.needs ?? [])].every((id) => routeIds.has(id)));
const skipped = scenarios.filter((s) => !runnable.includes(s)).map((s) => s.name);
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

console.log(`\nLatency under ${connections} concurrent clients, ${seconds} s each, ratio to the no-op route`);
const noop = { method: 'GET' as const, path: noopRoute.path };
const latency: LatencyFigures[] = [];
for (const item of prepared.filter((p) => p.scenario.underLoad))
  latency.push(await measureLatency(item, gateway.url, noop, { seconds, connections }));
printTable(
  latency.map((l) => ({
    route: l.name,
    requests: String(l.requests),
    'non-2xx': String(l.non2xx),
    'p50 ms': String(l.p50),
    'p99 ms': String(l.p99),
    'no-op p50/p99': `${l.noopP50}/${l.noopP99}`,
    'p50 ×': fixed(l.p50Ratio, 1),
    'p99 ×': fixed(l.p99Ratio, 1),
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
  settings: { initRuns, seconds, connections, bundleBar: BUNDLE_BAR },
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

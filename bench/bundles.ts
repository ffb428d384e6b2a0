import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { BUNDLE_FILE, bundleOptions, REPOSITORY_ROOT } from '#infra/bundling.ts';
import { deployedFunctions } from './functions.ts';

/** How each AWS SDK package found in a bundle is constructed by the baseline. */
const CLIENTS: Record<string, { imports: string; construct: string }> = {
  '@aws-sdk/client-dynamodb': {
    imports: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    construct: 'new DynamoDBClient({})',
  },
  '@aws-sdk/lib-dynamodb': {
    imports: "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    construct: 'DynamoDBDocumentClient.from(new DynamoDBClient({}))',
  },
  '@aws-sdk/client-s3': {
    imports: "import { S3Client } from '@aws-sdk/client-s3';",
    construct: 'new S3Client({})',
  },
  '@aws-sdk/client-ses': {
    imports: "import { SESClient } from '@aws-sdk/client-ses';",
    construct: 'new SESClient({})',
  },
  '@aws-sdk/client-secrets-manager': {
    imports: "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
    construct: 'new SecretsManagerClient({})',
  },
  '@aws-sdk/client-sfn': {
    imports: "import { SFNClient } from '@aws-sdk/client-sfn';",
    construct: 'new SFNClient({})',
  },
};

export interface BundleFigures {
  id: string;
  handler: string;
  clients: string[];
  bytes: number;
  baselineBytes: number;
  sizeRatio: number;
  /** Median of the runs (CPU ms); the fastest runs below are for comparison. */
  initMs: number;
  fastestInitMs: number;
  fastestBaselineInitMs: number;
  baselineInitMs: number;
  initRatio: number;
  /** Packages or folders adding the most bytes over the baseline (named when a ratio exceeds the bar). */
  contributors: { name: string; bytes: number }[];
}

export const BUNDLE_BAR = 1.25;

const packageOf = (input: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match) return match[1] as string;
  return input.split('/').slice(0, 2).join('/');
};

function bytesByPackage(metafile: Metafile): Map<string, number> {
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith(BUNDLE_FILE))?.[1];
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {}))
    totals.set(packageOf(input), (totals.get(packageOf(input)) ?? 0) + bytesInOutput);
  return totals;
}

async function bundle(entry: string, outdir: string) {
  const result = await build(bundleOptions(entry, outdir));
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  return { bytes: statSync(join(outdir, BUNDLE_FILE)).size, packages: bytesByPackage(result.metafile) };
}

/**
 * Milliseconds to import the bundle in a fresh Node process (what a Lambda cold start evaluates),
 * as CPU time (user + system) of that process: on a shared machine, wall time mostly measures the
 * neighbours. As in prod, without --enable-source-maps (dev only: it parses the map at load).
 */
function importMs(file: string): number {
  const script = `const c = process.cpuUsage(); await import(${JSON.stringify(pathToFileURL(file).href)}); const d = process.cpuUsage(c); process.stdout.write(String((d.user + d.system) / 1000));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-west-3',
      TABLE_NAME: 'bench',
      BUCKET_NAME: 'bench',
      SENDER_EMAIL: 'ne-pas-repondre@example.fr',
      REPLY_TO_EMAIL: 'assistance@example.fr',
      PORTAL_URL: 'https://portail.example.fr',
      STAGE: 'dev',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      // The production adapters, as infra/adapters.ts configures them on AWS.
      CAPTCHA_PROVIDER: 'captchetat',
      CAPTCHETAT_SECRET_ID: 'segur-mss/bench/captcha',
      COMPANY_DIRECTORY: 'api',
    },
  });
  const ms = Number(run.stdout);
  if (run.status !== 0 || !Number.isFinite(ms))
    throw new Error(`Import of ${file} failed: ${run.stderr.slice(-600)}`);
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Cold init of every bundle and its baseline, measured in rounds: each round imports every bundle
 * right after its baseline, so a burst of load from the neighbours spoils a few samples of many
 * functions rather than all the samples of one, and each pair shares the machine's state of the
 * moment. The ratio is the median of the rounds' ratios (drift cancels within a pair, bursts in
 * the median); the times shown are the medians, the fastest runs are kept in the JSON.
 */
function measureInits(pairs: { file: string; baseline: string }[], runs: number) {
  const own = pairs.map(() => [] as number[]);
  const base = pairs.map(() => [] as number[]);
  for (let round = 0; round < runs; round++) {
    pairs.forEach((pair, index) => {
      base[index]?.push(importMs(pair.baseline));
      own[index]?.push(importMs(pair.file));
    });
  }
  return pairs.map((_, index) => {
    const ownRuns = own[index] ?? [];
    const baseRuns = base[index] ?? [];
    return {
      initMs: median(ownRuns),
      baselineInitMs: median(baseRuns),
      initRatio: median(ownRuns.map((ms, round) => ms / (baseRuns[round] ?? Number.NaN))),
      fastestInitMs: Math.min(...ownRuns),
      fastestBaselineInitMs: Math.min(...baseRuns),
    };
  });
}

export async function measureBundles(outputRoot: string, runs: number): Promise<BundleFigures[]> {
  const baselines = new Map<string, { dir: string; bytes: number; packages: Map<string, number> }>();
  const built: {
    figures: Omit<
      BundleFigures,
      'initMs' | 'baselineInitMs' | 'initRatio' | 'fastestInitMs' | 'fastestBaselineInitMs'
    >;
    file: string;
    baseline: string;
  }[] = [];
  for (const fn of deployedFunctions()) {
    const dir = join(outputRoot, 'bundles', fn.id.replace(/[^\w-]/g, '_'));
    mkdirSync(dir, { recursive: true });
    const own = await bundle(fn.handler, dir);
    const clients = Object.keys(CLIENTS).filter((name) => own.packages.has(name));
    const key = clients.join('+') || 'no-client';
    let baseline = baselines.get(key);
    if (!baseline) {
      const baseDir = join(outputRoot, 'baselines', key.replace(/[^\w+-]/g, '_'));
      mkdirSync(baseDir, { recursive: true });
      const entry = join(baseDir, 'entry.mjs');
      const needsDynamo =
        clients.includes('@aws-sdk/lib-dynamodb') && !clients.includes('@aws-sdk/client-dynamodb');
      const imports = [...(needsDynamo ? ['@aws-sdk/client-dynamodb'] : []), ...clients];
      writeFileSync(
        entry,
        `${imports.map((c) => CLIENTS[c]?.imports).join('\n')}\nexport const clients = [${clients.map((c) => CLIENTS[c]?.construct).join(', ')}];\nexport const handler = async () => clients.length;\n`,
      );
      baseline = { dir: baseDir, ...(await bundle(relative(REPOSITORY_ROOT, entry), baseDir)) };
      baselines.set(key, baseline);
    }
    const contributors = [...own.packages]
      .map(([name, bytes]) => ({ name, bytes: bytes - (baseline.packages.get(name) ?? 0) }))
      .filter((c) => c.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5);
    built.push({
      figures: {
        id: fn.id,
        handler: fn.handler,
        clients: clients.map((c) => c.replace('@aws-sdk/', '')),
        bytes: own.bytes,
        baselineBytes: baseline.bytes,
        sizeRatio: own.bytes / baseline.bytes,
        contributors,
      },
      file: join(dir, BUNDLE_FILE),
      baseline: join(baseline.dir, BUNDLE_FILE),
    });
  }
  // No runs: sizes only (`npm run bench:sizes`).
  const inits = runs > 0 ? measureInits(built, runs) : [];
  return built.map(({ figures }, index) => {
    const init = inits[index] ?? {
      initMs: Number.NaN,
      baselineInitMs: Number.NaN,
      initRatio: Number.NaN,
      fastestInitMs: Number.NaN,
      fastestBaselineInitMs: Number.NaN,
    };
    return { ...figures, ...init };
  });
}

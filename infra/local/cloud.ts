import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { authorizerModule, routeTable } from '#functions/route-table.ts';
import { moveClock, resetClock } from '#shared/clock.ts';
import { scanResultFunction } from '#shared/malware-scan/definition.ts';
import { stateMachineArnVariable } from '#shared/workflows/types.ts';
import { workflows, workflowTasks } from '../state-machines.ts';
import { ensureTable, startDynamo } from './dynamodb.ts';
import { startGateway } from './gateway.ts';
import { LOCAL_S3_CREDENTIALS, startS3 } from './s3.ts';
import { startSes } from './ses.ts';
import { LOCAL_REGION, localStateMachineArn, startStepFunctions } from './stepfunctions.ts';

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The portal's URL on the local stage: email links point to it. */
export const LOCAL_PORTAL_URL = 'http://localhost:5173';

/**
 * The browser origins of the local front end, by name and by address: what the local API and
 * bucket accept by default. `*` is only ever an explicit choice (`CORS_ORIGINS=*`).
 */
export function localFrontEndOrigins(portalUrl = LOCAL_PORTAL_URL): string[] {
  const { protocol, port } = new URL(portalUrl);
  return ['localhost', '127.0.0.1'].map((host) => `${protocol}//${host}${port ? `:${port}` : ''}`);
}

export interface LocalCloudOptions {
  /** 0 picks free ports (tests). */
  ports: { api: number; dynamodb: number; s3: number; ses: number; sfn: number };
  /** Folder for on-disk data; DynamoDB stays in memory when `persist` is false. */
  dataDirectory: string;
  persist: boolean;
  tableName?: string;
  bucketName?: string;
  /** Browser origins allowed by the API and the bucket; the local front end's by default. */
  corsOrigins?: string[];
  retryIntervalMs?: number;
  /** Also seed the demo operator (`npm start`, browser tests); other tests keep their own operators. */
  seedDemoOperator?: boolean;
  /** Extra environment for the handlers (e.g. feature settings in tests). */
  environment?: Record<string, string>;
  /** Function timeouts in seconds by route id, instead of the route table's (tests of a timeout). */
  functionTimeouts?: Record<string, number>;
  /**
   * Multiplies the route table's timeouts, which the gateway enforces as Lambda does (1 by
   * default). Tests raise it: one process runs every concurrent invocation of a burst, on cores
   * shared by the whole suite, where Lambda gives each invocation its own environment.
   */
  timeoutFactor?: number;
}

export interface LocalCloud {
  urls: {
    api: string;
    docs: string;
    openapi: string;
    mailbox: string;
    dynamodb: string;
    s3: string;
    ses: string;
    sfn: string;
  };
  /** Waits until every workflow execution started so far has ended. */
  settleWorkflows: () => Promise<void>;
  /**
   * Moves the handlers' business time forward (shared/clock.ts): they run in this process, so a
   * test moves time here; nothing over HTTP can. Reset when the cloud stops.
   */
  moveClock: (ms: number) => void;
  stop: () => Promise<void>;
}

const handlerCache = new Map<string, Promise<never>>();

/** Imports a handler module once, like a Lambda cold start, and returns its `handler`. */
function loadHandler<T>(modulePath: string): Promise<T> {
  let loaded = handlerCache.get(modulePath);
  if (!loaded) {
    loaded = import(pathToFileURL(join(REPOSITORY_ROOT, modulePath)).href).then(
      (module) => module.handler as never,
    );
    handlerCache.set(modulePath, loaded);
  }
  return loaded as Promise<T>;
}

/**
 * Starts the whole backend on 127.0.0.1: DynamoDB (dynalite), S3 (s3rver), SES
 * (aws-ses-v2-local), Step Functions (aws-local-stepfunctions) and the API gateway, then
 * creates the table and bucket and seeds the demo data. The handlers use the real AWS SDK
 * clients, pointed at the emulators through AWS_ENDPOINT_URL_<SERVICE>.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const tableName = options.tableName ?? 'segur-mss';
  const bucketName = options.bucketName ?? 'segur-mss-documents';
  // By default, the origins of the portal the emails link to (a free port in the browser tests).
  const corsOrigins = options.corsOrigins ?? localFrontEndOrigins(options.environment?.PORTAL_URL);
  const s3Directory = join(options.dataDirectory, 's3');
  mkdirSync(s3Directory, { recursive: true });
  const dynamoPath = options.persist ? join(options.dataDirectory, 'dynamodb') : undefined;
  if (dynamoPath) mkdirSync(dynamoPath, { recursive: true });

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    // Wait for every emulator, so that a failed start stops those that did start.
    const emulators = await Promise.allSettled([
      startDynamo({ port: options.ports.dynamodb, ...(dynamoPath ? { path: dynamoPath } : {}) }),
      startS3({
        port: options.ports.s3,
        directory: s3Directory,
        bucketName,
        corsOrigins,
        // What the EventBridge rule on GuardDuty's scan results invokes on AWS (with its context).
        onScanResult: async (event) =>
          (await loadHandler<(event: unknown, context: object) => Promise<void>>(scanResultFunction.handler))(
            event,
            { functionName: scanResultFunction.id, awsRequestId: randomUUID() },
          ),
      }),
      startSes({ port: options.ports.ses }),
    ]);
    for (const emulator of emulators) if (emulator.status === 'fulfilled') stops.push(emulator.value.stop);
    const failure = emulators.find((emulator) => emulator.status === 'rejected');
    if (failure) throw failure.reason;
    const running = (index: number) =>
      (emulators[index] as PromiseFulfilledResult<{ endpoint: string }>).value;
    const [dynamo, s3, ses] = [running(0), running(1), running(2)];

    const sfn = await startStepFunctions({
      port: options.ports.sfn,
      root: REPOSITORY_ROOT,
      workflows,
      tasks: workflowTasks,
      loadHandler,
      retryIntervalMs: options.retryIntervalMs ?? 100,
    });
    stops.push(sfn.stop);

    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      AWS_ENDPOINT_URL_SFN: sfn.endpoint,
      TABLE_NAME: tableName,
      BUCKET_NAME: bucketName,
      S3_FORCE_PATH_STYLE: 'true',
      STAGE: 'local',
      SENDER_EMAIL: 'ne-pas-repondre@segur-mss.local',
      REPLY_TO_EMAIL: 'assistance@segur-mss.local',
      PORTAL_URL: LOCAL_PORTAL_URL,
      ...Object.fromEntries(
        workflows.map((w) => [stateMachineArnVariable(w.id), localStateMachineArn(w.id)]),
      ),
      ...options.environment,
    });

    await ensureTable(dynamo.endpoint, tableName);
    const { seedDemoData } = await import('./seed.ts');
    await seedDemoData();
    if (options.seedDemoOperator) await (await import('./seed-accounts.ts')).seedDemoOperator();

    const gateway = await startGateway({
      port: options.ports.api,
      routes: routeTable,
      loadHandler,
      authorizerModule,
      corsOrigins,
      docsDirectory: join(REPOSITORY_ROOT, 'node_modules/swagger-ui-dist'),
      ...(options.functionTimeouts ? { functionTimeouts: options.functionTimeouts } : {}),
      ...(options.timeoutFactor ? { timeoutFactor: options.timeoutFactor } : {}),
    });
    stops.push(gateway.stop);

    return {
      urls: {
        api: gateway.url,
        docs: `${gateway.url}/docs`,
        openapi: `${gateway.url}/openapi.json`,
        mailbox: ses.endpoint,
        dynamodb: dynamo.endpoint,
        s3: s3.endpoint,
        ses: ses.endpoint,
        sfn: sfn.endpoint,
      },
      settleWorkflows: sfn.settle,
      moveClock,
      stop: async () => {
        await sfn.settle().catch(() => undefined);
        await stopAll();
        resetClock();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

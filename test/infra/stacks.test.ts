import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type assertions, aws_iam as iam, type aws_lambda as lambda, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE } from '#infra/bundling.ts';
import { AUTHORIZER_RESERVED_CONCURRENCY } from '#infra/stateless-stack.ts';
import { emailRecordSchema } from '#shared/email/record-view.ts';
import { fundingCallSchema } from '#shared/funding/call-schemas.ts';
import { dossierSchema } from '#shared/funding/dossier-view.ts';
import { honoursIdempotencyKey } from '#shared/routes/access.ts';
import { HASHING_MEMORY_MB, HASHING_RESERVED_CONCURRENCY } from '#shared/routes/accounts-common.ts';
import { enrolmentView } from '#shared/routes/enrolment-view.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { workflowFailureSchema } from '#shared/workflows/failure-view.ts';
import { expectGrantsWithin, resourcesFor, statementsOf } from './iam.ts';
import { acknowledgements, cloudFormationFindings, nagFindings } from './nag.ts';
import { realSystem, synthesize } from './synth.ts';

/**
 * The stacks generated from the real route table, bundled as `npm run synth` does (one synth for
 * the whole file: esbuild bundles every function).
 */
let synth: ReturnType<typeof synthesize>;

beforeAll(() => {
  synth = synthesize(realSystem, { bundle: true });
}, 120_000);

/** Routes a session protects: every access but the public and the draft token's. */
const isSessionRoute = (route: RouteDefinition) => route.access !== 'public' && route.access !== 'draft';
/** The routes that call CaptchEtat and the company directory (a fixed list: the bundles must agree). */
const CAPTCHA_ROUTES = [
  'createCaptcha',
  'getCaptchaAudio',
  'login',
  'lookupEnrolmentCompany',
  'submitEnrolment',
];
const COMPANY_DIRECTORY_ROUTES = ['lookupEnrolmentCompany'];
const IDEMPOTENCY_MIDDLEWARE = 'shared/http/middleware/idempotency.ts';
const ADAPTER_MODULES = { captcha: 'shared/captcha/index.ts', companyDirectory: 'shared/companies/index.ts' };

/** The AWS SDK client each kind of declared permission is for. */
const CLIENT_OF_GRANT = {
  table: 'client-dynamodb',
  bucket: 'client-s3',
  ses: 'client-ses',
  workflows: 'client-sfn',
} as const;

/** The modules holding views several routes answer, each with its schema. */
const VIEW_MODULES = {
  'shared/routes/enrolment-view.ts': enrolmentView,
  'shared/funding/dossier-view.ts': dossierSchema,
  'shared/funding/call-schemas.ts': fundingCallSchema,
  'shared/email/record-view.ts': emailRecordSchema,
  'shared/workflows/failure-view.ts': workflowFailureSchema,
};

const defOf = (schema: unknown) =>
  (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
const shapeOf = (schema: unknown) => (defOf(schema)?.shape ?? {}) as Record<string, unknown>;

/**
 * Whether `schema` answers `target`: is it, holds it (object members, wrapped, listed or piped
 * schemas), or extends it (one of its members, the same instance: a zod schema is unique per build).
 */
function containsSchema(schema: unknown, target: unknown, seen = new Set<unknown>()): boolean {
  if (schema === target) return true;
  const def = defOf(schema);
  if (!def || seen.has(schema)) return false;
  seen.add(schema);
  const shape = shapeOf(schema);
  if (Object.entries(shapeOf(target)).some(([name, member]) => shape[name] === member)) return true;
  return [...Object.values(shape), def.innerType, def.element, def.valueType, def.in, def.out]
    .concat((def.options as unknown[] | undefined) ?? [])
    .some((part) => containsSchema(part, target, seen));
}

/** Every schema of a route's contract: its request's parts and its responses. */
const contractSchemas = (route: RouteDefinition) => [
  route.request?.params,
  route.request?.query,
  route.request?.body,
  ...Object.values(route.responses).map((response) => response.schema),
];

const bucketArn = 'arn:<AWS::Partition>:s3:::segur-mss-dev-documents-<AWS::AccountId>-<AWS::Region>';

describe('stacks generated from the route table', () => {
  it('creates one function per route, per workflow task, plus the authorizer, the SES events recorder, the $default route and the scan result handler', () => {
    const needsAuthorizer = realSystem.routes.some(isSessionRoute);
    synth.api.resourceCountIs(
      'AWS::Lambda::Function',
      realSystem.routes.length +
        realSystem.workflowTasks.length +
        (needsAuthorizer ? 1 : 0) +
        (realSystem.emailEvents ? 1 : 0) +
        2,
    );
    expect([...synth.stateless.routeFunctions.keys()].sort()).toEqual(
      realSystem.routes.map((r) => r.id).sort(),
    );
  });

  it('creates one API route per route-table entry, with the authorizer exactly on protected routes', () => {
    const routes = Object.values(synth.api.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes).toHaveLength(realSystem.routes.length + 1);
    expect(routes.find((r) => r.Properties.RouteKey === '$default')?.Properties.AuthorizationType).toBe(
      'NONE',
    );
    for (const route of realSystem.routes) {
      const deployed = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      expect(deployed, `${route.method} ${route.path}`).toBeDefined();
      expect(deployed?.Properties.AuthorizationType).toBe(isSessionRoute(route) ? 'CUSTOM' : 'NONE');
    }
  });

  it('bundles every function into a minified ES module with its source map', () => {
    for (const [id, fn] of synth.stateless.routeFunctions) {
      const cfn = synth.stateless.resolve((fn.node.defaultChild as lambda.CfnFunction).code) as {
        s3Key: string;
      };
      const hash = cfn.s3Key.replace(/\.zip$/, '');
      const bundle = join(synth.assembly.directory, `asset.${hash}`, BUNDLE_FILE);
      expect(existsSync(bundle), id).toBe(true);
      expect(existsSync(`${bundle}.map`), id).toBe(true);
      expect(statSync(bundle).size).toBeGreaterThan(1000);
    }
  });

  it('runs every function on Node 24, arm64, with JSON logs to its own log group and X-Ray', () => {
    const functions = Object.values(synth.api.findResources('AWS::Lambda::Function'));
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: {
          LogFormat: 'JSON',
          LogGroup: { Ref: expect.any(String) },
          ApplicationLogLevel: 'INFO',
          // REPORT lines (memory used, init duration) are platform logs at INFO.
          SystemLogLevel: 'INFO',
        },
      });
      expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(256);
      expect(fn.Properties.Timeout).toBeLessThanOrEqual(29);
    }
  });

  it('configures the production captcha and company directory for the functions that use them', () => {
    for (const route of realSystem.routes) {
      const fn = synth.stateless.routeFunctions.get(route.id) as lambda.Function;
      const cfn =
        synth.api.findResources('AWS::Lambda::Function')[
          synth.stateless.getLogicalId(fn.node.defaultChild as never)
        ];
      const variables = cfn?.Properties.Environment.Variables as Record<string, string>;
      if (CAPTCHA_ROUTES.includes(route.id)) {
        expect(variables.CAPTCHA_PROVIDER, route.id).toBe('captchetat');
        // The secret's name only: its value is read at run time, never in the configuration.
        expect(variables.CAPTCHETAT_SECRET_ID).toBe('segur-mss/dev/captcha');
        expect(JSON.stringify(variables)).not.toContain('resolve:secretsmanager');
        expect(
          resourcesFor(statementsOf(synth.api, Stack.of(fn), fn), 'secretsmanager:GetSecretValue'),
        ).toEqual([
          'arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:segur-mss/dev/captcha-??????',
        ]);
      } else expect(Object.keys(variables).filter((name) => name.startsWith('CAPTCHA'))).toEqual([]);
      expect(variables.COMPANY_DIRECTORY, route.id).toBe(
        COMPANY_DIRECTORY_ROUTES.includes(route.id) ? 'api' : undefined,
      );
    }
  });

  it("bundles each route's own slice only, and declares the adapters its bundle calls", () => {
    const { bundles } = synth.stateless;
    for (const route of realSystem.routes) {
      const modules = bundles.bundledModules(route.handler);
      const slice = route.handler.replace(/handler\.ts$/, '');
      expect(modules.filter((module) => module.startsWith('functions/')).sort(), route.id).toEqual([
        `${slice}handler.ts`,
        `${slice}route.ts`,
      ]);
      const bundledAdapters = Object.entries(ADAPTER_MODULES)
        .filter(([, module]) => modules.includes(module))
        .map(([adapter]) => adapter);
      expect(bundledAdapters, route.id).toEqual(route.adapters ?? []);
      // The Idempotency-Key code comes with writeHandler, for the routes that honour the key only.
      expect(modules.includes(IDEMPOTENCY_MIDDLEWARE), route.id).toBe(honoursIdempotencyKey(route));
    }
    expect(
      realSystem.routes.filter((route) => route.adapters?.includes('captcha')).map((route) => route.id),
    ).toEqual(expect.arrayContaining(CAPTCHA_ROUTES));
    for (const task of realSystem.workflowTasks)
      expect(
        bundles
          .bundledModules(task.handler)
          .filter((module) => Object.values(ADAPTER_MODULES).includes(module)),
        task.id,
      ).toEqual([]);
  });

  it('builds at cold start only the views its contract answers (zod builders are not tree-shaken across modules)', () => {
    const { bundles } = synth.stateless;
    for (const route of realSystem.routes) {
      const modules = bundles.bundledModules(route.handler);
      for (const [module, view] of Object.entries(VIEW_MODULES))
        expect(modules.includes(module), `${route.id} bundles ${module}`).toBe(
          contractSchemas(route).some((schema) => containsSchema(schema, view)),
        );
    }
  });

  it('grants each function (routes, tasks, authorizer, email events) the services its bundle calls, no more: a grant without code is privilege to spare', () => {
    const { bundles } = synth.stateless;
    const functions = [
      ...realSystem.routes,
      ...realSystem.workflowTasks,
      { id: 'authorizer', ...realSystem.authorizer },
      ...(realSystem.emailEvents ? [{ id: 'emailEvents', ...realSystem.emailEvents }] : []),
    ];
    const mismatches = functions.flatMap((fn) => {
      const modules = bundles.bundledModules(fn.handler);
      return Object.entries(CLIENT_OF_GRANT).flatMap(([grant, client]) => {
        const declared = fn.permissions?.[grant as keyof typeof CLIENT_OF_GRANT];
        const granted = Array.isArray(declared) ? declared.length > 0 : Boolean(declared);
        const called = modules.some((module) => module.includes(`node_modules/@aws-sdk/${client}/`));
        if (granted === called) return [];
        return [`${fn.id}: ${grant} ${called ? 'called, not granted' : 'granted, not called'}`];
      });
    });
    expect(mismatches).toEqual([]);
  });

  it("limits each route function's IAM policy to what the route declares", () => {
    for (const route of realSystem.routes) {
      const fn = synth.stateless.routeFunctions.get(route.id) as lambda.Function;
      expectGrantsWithin(statementsOf(synth.api, synth.stateless, fn), route.permissions ?? {}, {
        bucket: bucketArn,
        readsCaptchaSecret: CAPTCHA_ROUTES.includes(route.id),
      });
    }
  });

  it('lets the download routes (draft holder, instructor) read checked copies only, never an upload', () => {
    for (const id of ['getEnrolmentDocument', 'getAdminEnrolment']) {
      const fn = synth.stateless.routeFunctions.get(id) as lambda.Function;
      const statements = statementsOf(synth.api, synth.stateless, fn);
      expect(resourcesFor(statements, 's3:GetObject'), id).toEqual([`${bucketArn}/checked/enrolments/*`]);
      expect(resourcesFor(statements, 's3:PutObject'), id).toEqual([]);
    }
  });

  it('reserves concurrency for the authorizer and caps the hashing functions, within a 1000 quota', () => {
    const functions = Object.values(synth.api.findResources('AWS::Lambda::Function'));
    const reserved = functions.filter((fn) => fn.Properties.ReservedConcurrentExecutions !== undefined);
    const authorizer = functions.find((fn) => fn.Properties.Description?.startsWith('Lambda authorizer'));
    expect(authorizer?.Properties.ReservedConcurrentExecutions).toBe(AUTHORIZER_RESERVED_CONCURRENCY);
    const hashing = realSystem.routes.filter((route) => route.memoryMb === HASHING_MEMORY_MB);
    expect(hashing.map((route) => route.id)).toContain('login');
    for (const route of hashing) {
      const fn = synth.stateless.routeFunctions.get(route.id) as lambda.Function;
      const cfn =
        synth.api.findResources('AWS::Lambda::Function')[
          Stack.of(fn).getLogicalId(fn.node.defaultChild as never)
        ];
      expect(cfn?.Properties.ReservedConcurrentExecutions, route.id).toBe(HASHING_RESERVED_CONCURRENCY);
    }
    const total = reserved.reduce((sum, fn) => sum + fn.Properties.ReservedConcurrentExecutions, 0);
    // Lambda keeps 100 unreserved: the README's quota request (1000) leaves room for the rest.
    expect(total).toBeLessThanOrEqual(1000 - 100 - 500);
    const trial = synthesize(realSystem, { bundle: false, context: { reserveConcurrency: 'false' } });
    expect(
      Object.values(trial.api.findResources('AWS::Lambda::Function')).filter(
        (fn) => fn.Properties.ReservedConcurrentExecutions !== undefined,
      ),
    ).toEqual([]);
  });

  it('keeps every template under 80 % of the 500 resources CloudFormation allows', () => {
    const counts = [
      { name: synth.stateful.stackName, template: synth.data },
      ...synth.apiTemplates.map(({ stack, template }) => ({ name: stack.node.path, template })),
    ].map(({ name, template }) => ({ name, resources: Object.keys(template.toJSON().Resources).length }));
    for (const { name, resources } of counts) expect(resources, name).toBeLessThan(400);
    // Routes live in one nested stack per handler folder: the parent holds none of their resources.
    const parent = synth.apiTemplates[0]?.template as assertions.Template;
    expect(Object.keys(parent.findResources('AWS::ApiGatewayV2::Route'))).toHaveLength(1); // $default
    expect(synth.apiTemplates.length).toBeGreaterThan(2);
    console.info(`Resources per template: ${counts.map((c) => `${c.name} ${c.resources}`).join(', ')}`);
  });

  it('alarms on the business metrics an operator acts on: failed emails, locked logins', () => {
    const alarms = Object.values(synth.api.findResources('AWS::CloudWatch::Alarm'))
      .filter((alarm) => alarm.Properties.Namespace === 'SegurMss')
      .map((alarm) => ({
        metric: alarm.Properties.MetricName,
        dimensions: alarm.Properties.Dimensions,
        threshold: alarm.Properties.Threshold,
      }));
    const service = [{ Name: 'service', Value: 'segur-mss' }];
    expect(alarms).toEqual(
      expect.arrayContaining([
        { metric: 'EmailFailed', dimensions: service, threshold: 1 },
        { metric: 'LoginLocked', dimensions: service, threshold: 5 },
      ]),
    );
    expect(alarms).toHaveLength(2);
  });

  it('alarms on throttled reads and writes of the table and its indexes', () => {
    const [alarm] = Object.values(synth.api.findResources('AWS::CloudWatch::Alarm')).filter((candidate) =>
      candidate.Properties.AlarmDescription?.startsWith('DynamoDB throttled'),
    );
    const metrics = (alarm?.Properties.Metrics ?? [])
      .filter((metric: { MetricStat?: unknown }) => metric.MetricStat)
      .map(
        (metric: {
          MetricStat: { Metric: { MetricName: string; Dimensions: { Name: string; Value: string }[] } };
        }) =>
          `${metric.MetricStat.Metric.MetricName}:${metric.MetricStat.Metric.Dimensions.map((d) => d.Value)
            .sort()
            .reverse()
            .join('/')}`,
      );
    expect(metrics.sort()).toEqual(
      [
        'ReadThrottleEvents:segur-mss-dev',
        'WriteThrottleEvents:segur-mss-dev',
        'ReadThrottleEvents:segur-mss-dev/GSI1',
        'WriteThrottleEvents:segur-mss-dev/GSI1',
        'ReadThrottleEvents:segur-mss-dev/GSI2',
        'WriteThrottleEvents:segur-mss-dev/GSI2',
      ].sort(),
    );
  });

  it('passes cdk-nag AwsSolutions and Serverless with no unacknowledged finding', () => {
    expect(nagFindings(synth.app)).toEqual([]);
    expect(cloudFormationFindings(synth.assembly.directory)).toEqual([]);
  });

  it('gives every acknowledged cdk-nag finding a specific written reason', () => {
    const acknowledged = acknowledgements(synth.app);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledged) {
      expect(id).toMatch(/^Annotation::(AwsSolutions|Serverless)-/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });

  it('reports an unexplained wildcard grant (acknowledgements are computed at synth, statement by statement)', () => {
    const mutated = synthesize(realSystem, {
      bundle: false,
      beforeSynth: ({ stateless }) => {
        const fn = stateless.routeFunctions.get(realSystem.routes[0]?.id as string) as lambda.Function;
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:Scan'], resources: ['*'] }));
      },
    });
    expect(nagFindings(mutated.app)).toContainEqual(
      expect.objectContaining({ rule: 'AwsSolutions-IAM5[Resource::*]' }),
    );
  });
});

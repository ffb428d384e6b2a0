import { assertions, type aws_lambda as lambda } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeployment } from '#infra/config.ts';
import { TABLE_DEFINITION } from '#shared/storage/table.ts';
import {
  CHECKED_DRAFT_EXPIRY_DAYS,
  CHECKED_DRAFT_TAG,
  CHECKED_PREFIX,
  PENDING_UPLOAD_EXPIRY_DAYS,
  PENDING_UPLOAD_TAG,
  UPLOAD_PREFIX,
} from '#shared/storage/upload-lifecycle.ts';
import { fixtureSystem } from './fixtures/system.ts';
import { expectGrantsWithin, flat, resourcesFor, statementsOf } from './iam.ts';
import { cloudFormationFindings, nagFindings } from './nag.ts';
import { synthesize } from './synth.ts';

/**
 * The generation rules on a fixture system that uses every kind of permission, a workflow and
 * protected routes, deployed as prod (templates only: no bundling needed to read them).
 */
const { Match } = assertions;
const origins = ['https://portail.example.fr', 'https://recette.example.fr'];
let prod: ReturnType<typeof synthesize>;
let dev: ReturnType<typeof synthesize>;

beforeAll(() => {
  prod = synthesize(fixtureSystem, {
    bundle: false,
    context: { stage: 'prod', frontEndOrigins: origins.join(','), alarmEmail: 'exploitation@example.fr' },
  });
  dev = synthesize(fixtureSystem, { bundle: false });
});

const bucketArn = 'arn:<AWS::Partition>:s3:::segur-mss-prod-documents-<AWS::AccountId>-<AWS::Region>';
const fnOf = (id: string) => prod.stateless.routeFunctions.get(id) as lambda.Function;
const taskOf = (id: string) => prod.stateless.taskFunctions.get(id) as lambda.Function;
const logicalId = (fn: lambda.Function) => prod.stateless.getLogicalId(fn.node.defaultChild as never);
const environmentOf = (fn: lambda.Function) =>
  prod.api.findResources('AWS::Lambda::Function')[logicalId(fn)]?.Properties.Environment.Variables;

describe('table', () => {
  it('is built from TABLE_DEFINITION: keys, GSIs, TTL on expiresAt, on demand, PITR', () => {
    prod.data.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      GlobalSecondaryIndexes: TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('is deletion-protected and retained in prod, disposable in dev', () => {
    prod.data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    dev.data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe('documents bucket', () => {
  it('empties both buckets (every version) on `cdk destroy` of a dev stage, never in prod', () => {
    expect(Object.keys(dev.data.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(2);
    expect(
      Object.values(dev.data.findResources('AWS::S3::Bucket')).map((bucket) => bucket.DeletionPolicy),
    ).toEqual(['Delete', 'Delete']);
    expect(prod.data.findResources('Custom::S3AutoDeleteObjects')).toEqual({});
  });
  const documents = () =>
    Object.values(prod.data.findResources('AWS::S3::Bucket')).find((bucket) =>
      flat(bucket.Properties.BucketName).includes('-documents-'),
    );

  it('blocks public access, encrypts, versions, logs access and is retained in prod', () => {
    expect(documents()).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) } },
      },
    });
  });

  it('refuses requests without TLS', () => {
    prod.data.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('allows presigned POST and GET from the configured front-end origins only', () => {
    expect(documents()?.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({
        AllowedOrigins: origins,
        AllowedMethods: expect.arrayContaining(['POST', 'GET']),
      }),
    ]);
  });

  it('expires uploads still tagged pending (never checked) under the upload prefix only', () => {
    expect(documents()?.Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({
        Status: 'Enabled',
        Prefix: UPLOAD_PREFIX,
        TagFilters: [{ Key: PENDING_UPLOAD_TAG.key, Value: PENDING_UPLOAD_TAG.value }],
        ExpirationInDays: PENDING_UPLOAD_EXPIRY_DAYS,
      }),
    );
  });

  it('never expires a checked file by the pending rule; those of abandoned drafts go after 180 days', () => {
    const rules: { Prefix?: string; TagFilters?: unknown[]; ExpirationInDays?: number }[] =
      documents()?.Properties.LifecycleConfiguration.Rules;
    const expiring = rules.filter((rule) => rule.ExpirationInDays !== undefined);
    // Every expiring rule is scoped by prefix and tag: none reaches a submitted request's files.
    for (const rule of expiring) {
      expect(rule.Prefix).toBeDefined();
      expect(rule.TagFilters).toHaveLength(1);
    }
    expect(expiring.filter((rule) => CHECKED_PREFIX.startsWith(rule.Prefix as string))).toEqual([
      expect.objectContaining({
        Prefix: CHECKED_PREFIX,
        TagFilters: [{ Key: CHECKED_DRAFT_TAG.key, Value: CHECKED_DRAFT_TAG.value }],
        ExpirationInDays: CHECKED_DRAFT_EXPIRY_DAYS,
      }),
    ]);
    expect(CHECKED_DRAFT_EXPIRY_DAYS).toBeGreaterThan(PENDING_UPLOAD_EXPIRY_DAYS);
  });

  it('declares the sender domain identity with Easy DKIM, a MAIL FROM domain and the configuration set', () => {
    prod.data.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'segur-mss.example.fr',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: {
        MailFromDomain: 'bounce.segur-mss.example.fr',
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      },
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    });
    prod.data.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'segur-mss-prod',
      ReputationOptions: { ReputationMetricsEnabled: true },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    const [destination] = Object.values(
      prod.data.findResources('AWS::SES::ConfigurationSetEventDestination'),
    );
    expect(destination?.Properties.EventDestination).toMatchObject({
      Enabled: true,
      EventBridgeDestination: { EventBusArn: expect.anything() },
    });
    expect([...(destination?.Properties.EventDestination.MatchingEventTypes ?? [])].sort()).toEqual([
      'bounce',
      'complaint',
      'delivery',
      'reject',
    ]);
  });

  it('gives the DNS records to publish (DKIM, MAIL FROM, DMARC) as outputs', () => {
    const outputs = prod.data.toJSON().Outputs as Record<string, { Value: unknown }>;
    const text = (id: string) => JSON.stringify(outputs[id]?.Value);
    for (const index of [1, 2, 3]) {
      expect(text(`DnsDkim${index}`)).toContain(`DkimDNSTokenName${index}`);
      expect(text(`DnsDkim${index}`)).toContain(' CNAME ');
    }
    expect(text('DnsMailFromMx')).toMatch(/bounce\.segur-mss\.example\.fr MX 10 feedback-smtp\./);
    expect(text('DnsMailFromSpf')).toContain(
      'bounce.segur-mss.example.fr TXT \\"v=spf1 include:amazonses.com ~all\\"',
    );
    expect(text('DnsDmarc')).toContain('_dmarc.segur-mss.example.fr TXT');
  });

  it('refuses a sender address outside the SES domain', () => {
    expect(() =>
      synthesize(fixtureSystem, { bundle: false, context: { sesDomain: 'autre.example.fr' } }),
    ).toThrow(/senderEmail: must be an address of sesDomain/);
  });
});

describe('functions and their grants', () => {
  it('derives each function policy from its declared permissions only', () => {
    for (const route of fixtureSystem.routes)
      expectGrantsWithin(statementsOf(prod.api, prod.stateless, fnOf(route.id)), route.permissions ?? {}, {
        bucket: bucketArn,
      });
    for (const task of fixtureSystem.workflowTasks)
      expectGrantsWithin(statementsOf(prod.api, prod.stateless, taskOf(task.id)), task.permissions, {
        bucket: bucketArn,
      });
  });

  it('grants states:StartExecution on the declared state machine only, and sends its ARN', () => {
    const statements = statementsOf(prod.api, prod.stateless, fnOf('submitDraft'));
    expect(resourcesFor(statements, 'states:StartExecution')).toEqual([
      'arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:segur-mss-prod-notify',
    ]);
    expect(resourcesFor(statements, 'states:DescribeExecution')).toEqual([
      'arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:segur-mss-prod-notify:*',
    ]);
    expect(environmentOf(fnOf('submitDraft'))).toMatchObject({ STATE_MACHINE_ARN_NOTIFY: expect.anything() });
    for (const id of ['getPublicThing', 'listThings', 'getMe'])
      expect(Object.keys(environmentOf(fnOf(id)))).not.toContain('STATE_MACHINE_ARN_NOTIFY');
  });

  it('sends email only from the sender address, through the domain identity and configuration set', () => {
    const identity = 'arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/segur-mss.example.fr';
    const configurationSet =
      'arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:configuration-set/segur-mss-prod';
    const sandbox = statementsOf(prod.api, prod.stateless, taskOf('notifyOperator'));
    // In the sandbox (the default), SES also authorises each recipient's identity.
    expect(resourcesFor(sandbox, 'ses:SendEmail')).toEqual([
      identity,
      configurationSet,
      'arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*',
    ]);
    const production = synthesize(fixtureSystem, {
      bundle: false,
      context: { stage: 'prod', sesSandbox: 'false' },
    });
    const fn = production.stateless.taskFunctions.get('notifyOperator') as lambda.Function;
    const statements = statementsOf(production.api, production.stateless, fn);
    expect(resourcesFor(statements, 'ses:SendEmail')).toEqual([identity, configurationSet]);
    const send = statements.find((statement) => resourcesFor([statement], 'ses:SendEmail').length > 0);
    expect((send as unknown as { Condition: unknown }).Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'ne-pas-repondre@segur-mss.example.fr' },
    });
    expect(environmentOf(taskOf('notifyOperator')).SES_CONFIGURATION_SET).toBe('segur-mss-prod');
    expect(nagFindings(production.app)).toEqual([]);
  });

  it('gives every function the common configuration', () => {
    expect(environmentOf(fnOf('getPublicThing'))).toMatchObject({
      STAGE: 'prod',
      TABLE_NAME: 'segur-mss-prod',
      BUCKET_NAME: expect.anything(),
      SENDER_EMAIL: 'ne-pas-repondre@segur-mss.example.fr',
      REPLY_TO_EMAIL: 'assistance@segur-mss.example.fr',
      PORTAL_URL: 'http://localhost:5173',
    });
    // Source maps are parsed at load when enabled: dev only (cold start matters in prod).
    expect(environmentOf(fnOf('getPublicThing')).NODE_OPTIONS).toBeUndefined();
  });

  it('takes memory and timeout from the route, capped below API Gateway’s 30 s', () => {
    const fn = prod.api.findResources('AWS::Lambda::Function')[logicalId(fnOf('putDraftDocument'))];
    expect(fn?.Properties).toMatchObject({ MemorySize: 1024, Timeout: 29 });
    const task = prod.api.findResources('AWS::Lambda::Function')[logicalId(taskOf('recordFailure'))];
    expect(task?.Properties.Timeout).toBe(20);
  });

  it('keeps logs a year in prod and a month in dev', () => {
    const retentions = (synth: typeof prod) =>
      new Set(
        Object.values(synth.api.findResources('AWS::Logs::LogGroup')).map(
          (g) => g.Properties.RetentionInDays,
        ),
      );
    expect(retentions(prod)).toEqual(new Set([365]));
    expect(retentions(dev)).toEqual(new Set([30]));
  });
});

describe('HTTP API', () => {
  it('puts the session authorizer on operator, instructor and account routes only', () => {
    const routes = Object.values(prod.api.findResources('AWS::ApiGatewayV2::Route'));
    for (const route of fixtureSystem.routes) {
      const deployed = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      const isProtected = ['operator', 'instructor', 'account'].includes(route.access);
      expect(deployed?.Properties.AuthorizationType, route.id).toBe(isProtected ? 'CUSTOM' : 'NONE');
    }
  });

  it('runs the authorizer on every request, without identity source or cache, with simple responses', () => {
    const [authorizer] = Object.values(prod.api.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer?.Properties).toMatchObject({
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 0,
    });
    expect(authorizer?.Properties.IdentitySource ?? []).toEqual([]);
  });

  it('refuses "*", "null" or a URL with a path as a front-end origin (CORS lists origins)', () => {
    const base = {
      stage: 'dev',
      senderEmail: 'a@b.fr',
      replyToEmail: 'a@b.fr',
      portalUrl: 'https://p.fr',
      captchaSecretName: 's',
    };
    for (const frontEndOrigins of ['*', 'null', 'https://portail.example.fr/app', 'https://ok.fr,*'])
      expect(() => readDeployment((key) => ({ ...base, frontEndOrigins })[key]), frontEndOrigins).toThrow(
        /frontEndOrigins/,
      );
    expect(
      readDeployment((key) => ({ ...base, frontEndOrigins: origins.join(',') })[key]).frontEndOrigins,
    ).toEqual(origins);
  });

  it('throttles, logs access as JSON, and answers CORS for the configured origins, without credentials', () => {
    prod.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId"') },
    });
    prod.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: origins, AllowCredentials: false }),
    });
    for (const api of Object.values(prod.api.findResources('AWS::ApiGatewayV2::Api')))
      expect(api.Properties.CorsConfiguration.AllowOrigins).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(\*|null)$/)]),
      );
  });
});

describe('state machines', () => {
  it('substitutes each Task_<id> placeholder with its task function ARN, logs ALL events and traces with X-Ray', () => {
    prod.api.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'segur-mss-prod-notify',
      DefinitionSubstitutions: {
        Task_notifyOperator: { 'Fn::GetAtt': [logicalId(taskOf('notifyOperator')), 'Arn'] },
        Task_recordFailure: { 'Fn::GetAtt': [logicalId(taskOf('recordFailure')), 'Arn'] },
      },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('lets the state machine invoke its own task functions only', () => {
    const policies = Object.values(prod.api.findResources('AWS::IAM::Policy'));
    const invoke = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: unknown }) => s.Action === 'lambda:InvokeFunction')
      .map((s: { Resource: unknown }) => s.Resource);
    expect(invoke).toEqual(
      expect.arrayContaining([
        { 'Fn::GetAtt': [logicalId(taskOf('notifyOperator')), 'Arn'] },
        { 'Fn::GetAtt': [logicalId(taskOf('recordFailure')), 'Arn'] },
      ]),
    );
    expect(invoke).toHaveLength(2);
  });

  it('refuses a workflow that references an unknown task, and a permission naming an unknown workflow', () => {
    expect(() =>
      synthesize(
        { ...fixtureSystem, workflowTasks: fixtureSystem.workflowTasks.slice(0, 1) },
        { bundle: false },
      ),
    ).toThrow(/Task_recordFailure.*unknown task/);
    const routes = [{ ...fixtureSystem.routes[0], permissions: { workflows: ['missing'] } }] as never;
    expect(() => synthesize({ ...fixtureSystem, routes }, { bundle: false })).toThrow(
      /unknown workflow "missing"/,
    );
  });
});

describe('alarms and cdk-nag', () => {
  it('alarms on API 5xx, every function error or throttle and every workflow failure, notifying the alarm topic', () => {
    const alarms = Object.values(prod.api.findResources('AWS::CloudWatch::Alarm'));
    const metrics = alarms.map((a) => `${a.Properties.Namespace}/${a.Properties.MetricName}`);
    expect(metrics).toContain('AWS/ApiGateway/5xx');
    // Every function's errors and throttles, each in exactly one alarm of at most 10 metrics.
    const functionIds = Object.keys(prod.api.findResources('AWS::Lambda::Function')).sort();
    for (const metricName of ['Errors', 'Throttles']) {
      const watched = alarms.flatMap((alarm) => {
        const stats = (alarm.Properties.Metrics ?? []).filter(
          (metric: { MetricStat?: { Metric: { MetricName: string } } }) =>
            metric.MetricStat?.Metric.MetricName === metricName,
        );
        expect(stats.length).toBeLessThanOrEqual(10);
        return stats.map(
          (metric: { MetricStat: { Metric: { Dimensions: { Value: { Ref: string } }[] } } }) =>
            metric.MetricStat.Metric.Dimensions[0]?.Value.Ref,
        );
      });
      expect(watched.sort(), metricName).toEqual(functionIds);
    }
    expect(metrics).toContain('AWS/States/ExecutionsFailed');
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    prod.api.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'exploitation@example.fr',
    });
  });

  it('routes the SES events of its own configuration set to the function recording them', () => {
    const [rule] = Object.values(prod.api.findResources('AWS::Events::Rule'));
    expect(rule?.Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Delivered', 'Email Bounced', 'Email Complaint Received', 'Email Rejected'],
      detail: { mail: { tags: { 'ses:configuration-set': ['segur-mss-prod'] } } },
    });
    const recorder = prod.stateless.node.findChild('RecordEmailEvent') as lambda.Function;
    expect(rule?.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [logicalId(recorder), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 21_600 },
      }),
    ]);
  });

  it('alarms on the SES bounce and complaint rates before SES reviews the account', () => {
    const alarms = Object.values(prod.api.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms).toContainEqual(
      expect.objectContaining({
        Namespace: 'AWS/SES',
        MetricName: 'Reputation.BounceRate',
        Threshold: 0.025,
      }),
    );
    expect(alarms).toContainEqual(
      expect.objectContaining({
        Namespace: 'AWS/SES',
        MetricName: 'Reputation.ComplaintRate',
        Threshold: 0.0005,
      }),
    );
  });

  it('gives the API and portal URLs as outputs', () => {
    const outputs = prod.api.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain('ApiEndpoint');
    expect(outputs.PortalUrl?.Value).toBe('http://localhost:5173');
  });

  it('passes cdk-nag with every kind of permission, a workflow and the authorizer', () => {
    expect(nagFindings(prod.app)).toEqual([]);
    expect(nagFindings(dev.app)).toEqual([]);
    expect(cloudFormationFindings(prod.assembly.directory)).toEqual([]);
  });
});

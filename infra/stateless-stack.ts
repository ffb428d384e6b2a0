import {
  ArnFormat,
  aws_apigatewayv2 as apigw,
  CfnOutput,
  aws_cloudwatch as cloudwatch,
  Duration,
  aws_events as events,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  NestedStack,
  RemovalPolicy,
  Stack,
  type StackProps,
  aws_stepfunctions as sfn,
  aws_sns as sns,
  type aws_sqs as sqs,
  aws_events_targets as targets,
} from 'aws-cdk-lib';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Construct } from 'constructs';
import type { RouteSlice } from '#functions/route-table.ts';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '#shared/business-events.ts';
import { SES_EVENT_DETAIL_TYPES } from '#shared/email/delivery-events.ts';
import { scanResultFunction } from '#shared/malware-scan/definition.ts';
import { type Adapter, isProtected, type Permissions } from '#shared/routes/types.ts';
import { TABLE_DEFINITION } from '#shared/storage/table.ts';
import type { WorkflowDefinition, WorkflowTaskDefinition } from '#shared/workflows/types.ts';
import { stateMachineArnVariable, taskPlaceholder } from '#shared/workflows/types.ts';
import { adapterEnvironment, adapterGrants } from './adapters.ts';
import { ALARM_PERIOD, alarmOn } from './alarms.ts';
import { BUNDLE_FILE, LambdaBundles, REPOSITORY_ROOT } from './bundling.ts';
import { type Deployment, resourceNames, sesSettings, stageSettings } from './config.ts';
import { FUNCTION_DEFAULTS, routeTimeoutSeconds } from './function-settings.ts';
import { createHttpApi } from './http-api.ts';
import { retentionDays } from './log-retention.ts';
import { routeScanResults, scanResultDeadLetters } from './malware-protection.ts';
import { acknowledge, acknowledgeWildcardsAtSynth } from './nag.ts';
import { type GrantableResources, grantsFor } from './permissions.ts';
import { referencedTaskIds } from './workflow-tasks.ts';

/** What the stack is generated from: the route table, the authorizer, the workflows and their tasks. */
export interface SystemDefinition {
  routes: readonly RouteSlice[];
  authorizer: { handler: string; permissions: Permissions };
  workflows: readonly WorkflowDefinition[];
  workflowTasks: readonly WorkflowTaskDefinition[];
  /** Target of the SES configuration set's events (absent: no rule). */
  emailEvents?: { handler: string; permissions: Permissions };
}

export interface StatelessStackProps extends StackProps {
  deployment: Deployment;
  system: SystemDefinition;
}

/** Handler of the `$default` route: French 404/405 problems for requests no route matches. */
export const UNMATCHED_ROUTE_HANDLER = 'functions/system/route-not-found.ts';
/** Lambda caps a function's whole environment at 4 KiB; the path list must leave room. */
const MAX_ROUTE_PATHS_CHARS = 2500;
/** Concurrency kept for the authorizer alone (it answers in a few ms: 100 serve ~10 000 req/s). */
export const AUTHORIZER_RESERVED_CONCURRENCY = 100;

interface FunctionSpec {
  /** Construct id and the name used in reasons and alarms. */
  id: string;
  /** The (nested) stack the function and its role, log group and permissions live in; default: this stack. */
  scope?: Construct;
  handler: string;
  permissions: Permissions;
  /** External services whose production adapter it gets (settings, secret grants). */
  adapters?: readonly Adapter[];
  memoryMb: number;
  timeoutSeconds: number;
  description: string;
  environment?: Record<string, string>;
  /** Invoked asynchronously (an EventBridge target) rather than by a caller that sees its failure. */
  asynchronous?: boolean;
  /** Invoked asynchronously (EventBridge): failed invocations go to this queue. */
  deadLetterQueue?: sqs.IQueue;
  reservedConcurrency?: number;
}

/**
 * Everything that can be redeployed freely: one Lambda per route-table entry and per workflow task,
 * the HTTP API with its Lambda authorizer, the state machines, and the alarms. Generated entirely
 * from the system definition, so a new route or workflow needs no edit here.
 */
export class StatelessStack extends Stack {
  readonly api: apigw.HttpApi;
  readonly routeFunctions = new Map<string, lambda.Function>();
  readonly taskFunctions = new Map<string, lambda.Function>();
  readonly stateMachines = new Map<string, sfn.StateMachine>();
  readonly scanResultFunction: lambda.Function;
  private readonly deployment: Deployment;
  private readonly names: ReturnType<typeof resourceNames>;
  private readonly resources: GrantableResources;
  private readonly alarmTopic: sns.Topic;
  /** Every function's bundle (test/infra reads what each one carries). */
  readonly bundles: LambdaBundles;
  /** Functions per (nested) stack, for their grouped alarms. */
  private readonly functionsByScope = new Map<Construct, lambda.Function[]>();

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { deployment, system } = props;
    this.deployment = deployment;
    this.names = resourceNames(deployment.stage);
    this.resources = this.grantableResources(new Set(system.workflows.map((workflow) => workflow.id)));
    this.alarmTopic = this.createAlarmTopic();
    const needsAuthorizer = system.routes.some((route) => isProtected(route.access));
    this.bundles = new LambdaBundles([
      ...system.routes.map((route) => route.handler),
      ...system.workflowTasks.map((task) => task.handler),
      ...(needsAuthorizer ? [system.authorizer.handler] : []),
      ...(system.emailEvents ? [system.emailEvents.handler] : []),
      UNMATCHED_ROUTE_HANDLER,
      scanResultFunction.handler,
    ]);

    for (const task of system.workflowTasks)
      this.taskFunctions.set(
        task.id,
        this.createFunction({
          id: `Task${pascal(task.id)}`,
          handler: task.handler,
          permissions: task.permissions,
          memoryMb: task.memoryMb ?? FUNCTION_DEFAULTS.task.memoryMb,
          timeoutSeconds: task.timeoutSeconds ?? FUNCTION_DEFAULTS.task.timeoutSeconds,
          ...(task.reservedConcurrency !== undefined
            ? { reservedConcurrency: task.reservedConcurrency }
            : {}),
          description: `Workflow task ${task.id}`,
        }),
      );
    for (const workflow of system.workflows)
      this.stateMachines.set(workflow.id, this.createStateMachine(workflow));

    this.api = createHttpApi(this, this.deployment, this.names.prefix);
    const defaultRoute = this.addUnmatchedRoute(system.routes);
    const authorizer = needsAuthorizer ? this.createAuthorizer(system.authorizer, defaultRoute) : undefined;
    // Each handler folder's routes in a nested stack of their own: every template stays far from
    // CloudFormation's 500 resources however many routes the table gets (test/infra checks it).
    for (const [group, routes] of routeGroups(system.routes)) {
      const nested = new NestedStack(this, `${pascal(group)}Routes`, {
        description: `Portail Ségur MSS: functions and routes of functions/${group}/`,
      });
      for (const route of routes) this.addRoute(route, nested, authorizer);
    }
    if (system.emailEvents) this.recordEmailEvents(system.emailEvents);
    this.scanResultFunction = this.handleScanResults();
    this.createFunctionAlarms();
    this.createApiAlarms();
    this.createSesAlarms();
    new CfnOutput(this, 'ApiUrl', { description: 'Base URL of the HTTP API', value: this.api.apiEndpoint });
    new CfnOutput(this, 'PortalUrl', {
      description: 'Public URL of the portal (email links)',
      value: deployment.portalUrl,
    });
  }

  /** GuardDuty's scan results of the documents bucket, recorded on their documents. */
  private handleScanResults(): lambda.Function {
    const deadLetters = scanResultDeadLetters(this);
    const fn = this.createFunction({
      ...scanResultFunction,
      memoryMb: 256,
      timeoutSeconds: 20,
      description: 'Records GuardDuty malware scan results on the enrolment documents',
      deadLetterQueue: deadLetters,
    });
    routeScanResults(this, {
      bucketName: this.names.documentsBucket,
      fn,
      deadLetters,
      alarmTopic: this.alarmTopic,
      stage: this.deployment.stage,
    });
    return fn;
  }

  /** The SES configuration set's events, from the default bus to the function recording them. */
  private recordEmailEvents(definition: NonNullable<SystemDefinition['emailEvents']>) {
    const fn = this.createFunction({
      id: 'RecordEmailEvent',
      handler: definition.handler,
      permissions: definition.permissions,
      memoryMb: 256,
      timeoutSeconds: 10,
      description: 'SES events (delivered, bounced, complained, rejected) recorded on the emails',
      asynchronous: true,
    });
    const rule = new events.Rule(this, 'SesEventsRule', {
      description: `SES events of the ${this.names.sesConfigurationSet} configuration set`,
      eventPattern: {
        source: ['aws.ses'],
        detailType: SES_EVENT_DETAIL_TYPES,
        detail: { mail: { tags: { 'ses:configuration-set': [this.names.sesConfigurationSet] } } },
      },
    });
    rule.addTarget(new targets.LambdaFunction(fn, { retryAttempts: 8, maxEventAge: Duration.hours(6) }));
    acknowledge(
      rule,
      'Serverless-EventBusDLQ',
      'A delivery event that cannot be recorded after 8 retries over 6 hours only leaves its email shown as sent; no queue is worth keeping for it.',
    );
  }

  /** ARNs from physical names: a task may start a workflow whose state machine is created after it. */
  private grantableResources(workflowIds: ReadonlySet<string>): GrantableResources {
    const arn = (service: string, resource: string, resourceName: string, sep = '/') =>
      this.formatArn({
        service,
        resource,
        resourceName,
        arnFormat: sep === ':' ? ArnFormat.COLON_RESOURCE_NAME : ArnFormat.SLASH_RESOURCE_NAME,
      });
    return {
      tableArn: arn('dynamodb', 'table', this.names.table),
      indexNames: TABLE_DEFINITION.globalSecondaryIndexes.map((index) => index.indexName),
      bucketArn: `arn:${this.partition}:s3:::${this.names.documentsBucket}`,
      ses: {
        resources: [
          arn('ses', 'identity', sesSettings(this.deployment).domain),
          arn('ses', 'configuration-set', this.names.sesConfigurationSet),
        ],
        ...(this.deployment.sesSandbox ? { sandboxRecipients: arn('ses', 'identity', '*') } : {}),
        fromAddress: this.deployment.senderEmail,
      },
      stateMachine: (workflowId) => {
        if (!workflowIds.has(workflowId))
          throw new Error(`Permission names unknown workflow "${workflowId}"`);
        const name = this.names.stateMachine(workflowId);
        return {
          arn: arn('states', 'stateMachine', name, ':'),
          executionsArn: arn('states', 'execution', `${name}:*`, ':'),
        };
      },
    };
  }

  private environmentFor(
    adapters: readonly Adapter[],
    permissions: Permissions,
    extra: Record<string, string> = {},
  ): Record<string, string> {
    const settings = this.deployment;
    return {
      STAGE: settings.stage,
      TABLE_NAME: this.names.table,
      BUCKET_NAME: this.names.documentsBucket,
      SENDER_EMAIL: settings.senderEmail,
      REPLY_TO_EMAIL: settings.replyToEmail,
      PORTAL_URL: settings.portalUrl,
      ...(permissions.ses ? { SES_CONFIGURATION_SET: this.names.sesConfigurationSet } : {}),
      // Readable stack traces cost cold-start time (Node parses the map at load: +20 to 40 ms
      // measured by npm run bench), so only in dev; prod traces map offline with the shipped .map.
      ...(settings.stage === 'dev' ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
      ...Object.fromEntries(
        (permissions.workflows ?? [])
          .filter((workflowId) => workflowId !== '*')
          .map((workflowId) => [
            stateMachineArnVariable(workflowId),
            this.resources.stateMachine(workflowId).arn,
          ]),
      ),
      ...adapterEnvironment(adapters, settings),
      ...extra,
    };
  }

  /** One function: its own role (no managed policy), its own log group, grants from its permissions. */
  private createFunction(spec: FunctionSpec): lambda.Function {
    const scope = spec.scope ?? this;
    const settings = stageSettings(this.deployment.stage);
    const logGroup = new logs.LogGroup(scope, `${spec.id}Logs`, {
      retention: retentionDays(settings.logRetentionDays),
      removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(scope, `${spec.id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${spec.id}: least privilege derived from its declared permissions`,
    });
    logGroup.grantWrite(role);
    const grants = grantsFor(spec.id, spec.permissions, this.resources);
    for (const statement of [
      ...grants.statements,
      ...adapterGrants(spec.adapters ?? [], this.deployment, this),
    ])
      role.addToPrincipalPolicy(statement);

    const fn = new lambda.Function(scope, spec.id, {
      description: spec.description,
      code: this.bundles.code(spec.handler),
      handler: `${BUNDLE_FILE.replace(/\.mjs$/, '')}.handler`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      // INFO keeps the platform's REPORT line (duration, billed, max memory used, init duration):
      // the only record of memory use and cold starts to size the functions with.
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      tracing: lambda.Tracing.ACTIVE,
      environment: this.environmentFor(spec.adapters ?? [], spec.permissions, spec.environment),
      ...(spec.deadLetterQueue ? { deadLetterQueue: spec.deadLetterQueue } : {}),
      ...(spec.reservedConcurrency !== undefined && this.deployment.reserveConcurrency
        ? { reservedConcurrentExecutions: spec.reservedConcurrency }
        : {}),
    });
    acknowledgeWildcardsAtSynth(role, spec.id, grants.wildcards);
    if (spec.deadLetterQueue)
      acknowledge(
        fn,
        'Serverless-LambdaAsyncFailureDestination',
        `${spec.id} keeps its failed asynchronous invocations in its dead-letter queue (alarmed).`,
      );
    // Invoked synchronously (API Gateway, the authorizer, Step Functions Task states): a failure is
    // returned to the caller, which answers problem+json or retries and catches. The SES events
    // target is retried by its EventBridge rule.
    else
      for (const rule of ['Serverless-LambdaDLQ', 'Serverless-LambdaAsyncFailureDestination'])
        acknowledge(
          fn,
          rule,
          spec.asynchronous
            ? `${spec.id} records informative events; its EventBridge rule retries a failure, and a lost event only leaves an email shown as sent.`
            : `${spec.id} is only invoked synchronously; its caller sees and handles every failure.`,
        );
    this.functionsByScope.set(scope, [...(this.functionsByScope.get(scope) ?? []), fn]);
    return fn;
  }

  private createStateMachine(workflow: WorkflowDefinition): sfn.StateMachine {
    const settings = stageSettings(this.deployment.stage);
    const id = `${pascal(workflow.id)}StateMachine`;
    const substitutions: Record<string, string> = {};
    const invoked: lambda.Function[] = [];
    for (const taskId of referencedTaskIds(workflow)) {
      const fn = this.taskFunctions.get(taskId);
      if (!fn) throw new Error(`${workflow.file} references \${${taskPlaceholder(taskId)}}, an unknown task`);
      substitutions[taskPlaceholder(taskId)] = fn.functionArn;
      invoked.push(fn);
    }
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      logGroupName: `/aws/vendedlogs/states/${this.names.stateMachine(workflow.id)}`,
      retention: retentionDays(settings.logRetentionDays),
      removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const machine = new sfn.StateMachine(this, id, {
      stateMachineName: this.names.stateMachine(workflow.id),
      comment: workflow.description,
      definitionBody: sfn.DefinitionBody.fromFile(`${REPOSITORY_ROOT}/${workflow.file}`),
      definitionSubstitutions: substitutions,
      stateMachineType: sfn.StateMachineType.STANDARD,
      // ALL events, without execution data: inputs carry personal data (emails, names).
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    for (const fn of invoked)
      machine.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }),
      );
    acknowledgeWildcardsAtSynth(machine.role as iam.Role, `${workflow.id} state machine`, []);
    for (const [name, metric] of [
      ['Failed', machine.metricFailed({ period: ALARM_PERIOD, statistic: 'Sum' })],
      ['TimedOut', machine.metricTimedOut({ period: ALARM_PERIOD, statistic: 'Sum' })],
    ] as const)
      alarmOn(this, `${id}${name}Alarm`, this.alarmTopic, {
        description: `Workflow ${workflow.id}: an execution ${name === 'Failed' ? 'failed' : 'timed out'}.`,
        metric,
      });
    return machine;
  }

  private createAuthorizer(
    definition: SystemDefinition['authorizer'],
    parentRoute: apigw.HttpRoute,
  ): HttpLambdaAuthorizer {
    const fn = this.createFunction({
      id: 'Authorizer',
      handler: definition.handler,
      permissions: definition.permissions,
      memoryMb: FUNCTION_DEFAULTS.route.memoryMb,
      timeoutSeconds: 5,
      // Every protected request runs it: a burst elsewhere (logins hash for about a second) must
      // never leave it without concurrency, or every protected route fails.
      reservedConcurrency: AUTHORIZER_RESERVED_CONCURRENCY,
      description: 'Lambda authorizer of the operator, instructor and account routes',
    });
    // No identity source and no cache: the authorizer runs on every protected request, also without
    // an Authorization header, and always answers isAuthorized=true (empty context for a bad token)
    // so that the handler itself returns the French 401 problem+json instead of API Gateway's 401.
    const authorizer = new HttpLambdaAuthorizer('SessionAuthorizer', fn, {
      authorizerName: 'session',
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: [],
      resultsCacheTtl: Duration.seconds(0),
    });
    // Bound once here, so the authorizer and its invoke permission live in this stack and the
    // route stacks only reference its id (the $default route itself stays unprotected).
    authorizer.bind({ route: parentRoute, scope: this });
    return authorizer;
  }

  private addRoute(route: RouteSlice, scope: Construct, authorizer: HttpLambdaAuthorizer | undefined) {
    const fn = this.createFunction({
      id: pascal(route.id),
      scope,
      handler: route.handler,
      permissions: route.permissions ?? {},
      ...(route.adapters ? { adapters: route.adapters } : {}),
      memoryMb: route.memoryMb ?? FUNCTION_DEFAULTS.route.memoryMb,
      timeoutSeconds: routeTimeoutSeconds(route),
      ...(route.reservedConcurrency !== undefined ? { reservedConcurrency: route.reservedConcurrency } : {}),
      description: `${route.method} ${route.path}: ${route.summary}`.slice(0, 256),
    });
    this.routeFunctions.set(route.id, fn);
    const protectedRoute = isProtected(route.access);
    // Created in the route's nested stack (HttpApi.addRoutes would put it in the API's stack).
    const created = new apigw.HttpRoute(scope, `${pascal(route.id)}Route`, {
      httpApi: this.api,
      routeKey: apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${pascal(route.id)}Integration`, fn),
      ...(protectedRoute && authorizer ? { authorizer } : {}),
    });
    if (!protectedRoute)
      acknowledge(
        created,
        'AwsSolutions-APIG4',
        `${route.method} ${route.path} is a ${route.access} route by design (${route.access === 'draft' ? 'the handler checks the enrolment draft token, a capability' : 'reachable before any account exists'}); protected routes use the session authorizer.`,
      );
  }

  /** `$default`: what no route matches gets the same French problem as from the local gateway. */
  private addUnmatchedRoute(routes: readonly RouteSlice[]): apigw.HttpRoute {
    const paths = JSON.stringify([...new Set(routes.map((route) => route.path))]);
    if (paths.length > MAX_ROUTE_PATHS_CHARS)
      throw new Error(
        `ROUTE_PATHS is ${paths.length} characters, above the ${MAX_ROUTE_PATHS_CHARS} kept for it`,
      );
    const fn = this.createFunction({
      id: 'RouteNotFound',
      handler: UNMATCHED_ROUTE_HANDLER,
      permissions: {},
      memoryMb: 256,
      timeoutSeconds: 5,
      description: 'Default route: French 404/405 problems for requests no route matches',
      environment: { ROUTE_PATHS: paths },
    });
    const route = new apigw.HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: apigw.HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('RouteNotFoundIntegration', fn),
    });
    acknowledge(
      route,
      'AwsSolutions-APIG4',
      'The $default route only answers 404/405 problems for unknown paths or methods; it reads no data.',
    );
    return route;
  }

  private createAlarmTopic(): sns.Topic {
    const topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `${this.names.prefix} alarms`,
      enforceSSL: true,
    });
    acknowledge(
      topic,
      'AwsSolutions-SNS2',
      'Alarm notifications carry alarm names and states only, no personal data; CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key.',
    );
    if (this.deployment.alarmEmail) {
      const subscription = new sns.Subscription(this, 'AlarmEmail', {
        topic,
        protocol: sns.SubscriptionProtocol.EMAIL,
        endpoint: this.deployment.alarmEmail,
      });
      acknowledge(
        subscription,
        'Serverless-SNSRedrivePolicy',
        'An alarm email that cannot be delivered is not worth redriving from a queue: the alarm state stays visible in CloudWatch and the topic can be re-subscribed.',
      );
    }
    return topic;
  }

  /**
   * Errors and throttles of every function, ten functions per alarm (the most metrics an alarm's
   * math expression takes) in the stack that holds them: one alarm per function would cost a
   * resource per route. Plus the table's throttled requests (on demand has limits too).
   */
  private createFunctionAlarms() {
    for (const [scope, functions] of this.functionsByScope) {
      const stackId = scope === this ? '' : scope.node.id;
      for (let start = 0; start < functions.length; start += FUNCTIONS_PER_ALARM) {
        const chunk = functions.slice(start, start + FUNCTIONS_PER_ALARM);
        const names = chunk.map((fn) => fn.node.id).join(', ');
        const part = start / FUNCTIONS_PER_ALARM + 1;
        for (const [kind, metricOf, what] of [
          ['Errors', (fn: lambda.Function) => fn.metricErrors(), 'failed (unhandled error or timeout)'],
          [
            'Throttles',
            (fn: lambda.Function) => fn.metricThrottles(),
            'was throttled (concurrency limit reached)',
          ],
        ] as const)
          alarmOn(scope, `${stackId}Function${kind}Alarm${part}`, this.alarmTopic, {
            description: `One of these functions ${what}: ${names}.`.slice(0, 1024),
            metric: sumOf(
              chunk.map((fn) => metricOf(fn)),
              kind,
            ),
          });
      }
    }
    const table = (metricName: string, index?: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: this.names.table, ...(index ? { GlobalSecondaryIndexName: index } : {}) },
        statistic: 'Sum',
        period: ALARM_PERIOD,
      });
    alarmOn(this, 'TableThrottlesAlarm', this.alarmTopic, {
      description: 'DynamoDB throttled reads or writes on the table or one of its indexes.',
      metric: sumOf(
        [
          table('ReadThrottleEvents'),
          table('WriteThrottleEvents'),
          ...TABLE_DEFINITION.globalSecondaryIndexes.flatMap((index) => [
            table('ReadThrottleEvents', index.indexName),
            table('WriteThrottleEvents', index.indexName),
          ]),
        ],
        'Throttled requests',
      ),
    });
  }

  /**
   * SES reviews an account whose bounce rate reaches 5 % or complaint rate 0.1 %, and may pause
   * its sending at 10 % / 0.5 %: alarm at half those review thresholds (account-wide reputation
   * metrics, the ones SES acts on).
   */
  private createSesAlarms() {
    for (const [name, metricName, threshold] of [
      ['Bounce', 'Reputation.BounceRate', 0.025],
      ['Complaint', 'Reputation.ComplaintRate', 0.0005],
    ] as const)
      alarmOn(this, `Ses${name}RateAlarm`, this.alarmTopic, {
        description: `SES ${name.toLowerCase()} rate of ${threshold * 100} % or more: check the recipients' addresses and the emails' content before SES reviews the account.`,
        metric: new cloudwatch.Metric({
          namespace: 'AWS/SES',
          metricName,
          period: Duration.hours(1),
          statistic: 'Maximum',
        }),
        threshold,
      });
  }

  private createApiAlarms() {
    alarmOn(this, 'Api5xxAlarm', this.alarmTopic, {
      description: 'The API answered 5xx: bad input must give a 4xx, so any 5xx is a defect or an outage.',
      metric: this.api.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' }),
    });
    alarmOn(this, 'ApiLatencyAlarm', this.alarmTopic, {
      description: 'API p99 latency of 3 s or more for 15 minutes.',
      metric: this.api.metricLatency({ period: ALARM_PERIOD, statistic: 'p99' }),
      threshold: 3000,
      periods: 3,
    });
    // Business metrics written by the functions as EMF lines (shared/metrics.ts).
    const business = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: METRICS_SERVICE },
        period: ALARM_PERIOD,
        statistic: 'Sum',
      });
    alarmOn(this, 'EmailsFailedAlarm', this.alarmTopic, {
      description:
        'An email was refused by SES, bounced or was rejected: an operator did not get a notification (see the record of its email).',
      metric: business('EmailFailed'),
    });
    alarmOn(this, 'LoginsLockedAlarm', this.alarmTopic, {
      description:
        '5 identifiers or more locked within 5 minutes: a password-guessing campaign, or a login defect.',
      metric: business('LoginLocked'),
      threshold: 5,
    });
  }
}

/** CloudWatch alarms take at most 10 metrics in a math expression. */
const FUNCTIONS_PER_ALARM = 10;

const sumOf = (metrics: cloudwatch.IMetric[], label: string) =>
  new cloudwatch.MathExpression({
    expression: `SUM([${metrics.map((_, index) => `m${index}`).join(', ')}])`,
    usingMetrics: Object.fromEntries(metrics.map((metric, index) => [`m${index}`, metric])),
    period: ALARM_PERIOD,
    label,
  });

/** Routes by handler folder (`functions/<group>/…`): stable, so adding a route moves no other. */
function routeGroups(routes: readonly RouteSlice[]) {
  const groups = new Map<string, RouteSlice[]>();
  for (const route of routes) {
    const group = route.handler.split('/')[1] ?? 'routes';
    groups.set(group, [...(groups.get(group) ?? []), route]);
  }
  return groups;
}

const pascal = (id: string) =>
  id.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

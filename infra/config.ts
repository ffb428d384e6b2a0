import { Aws } from 'aws-cdk-lib';
import * as z from 'zod/mini';

/**
 * Deployment parameters, read from CDK context (`cdk.json`, or `-c name=value` on the command line).
 * Everything a deployer sets lives here; the README's "Deploying to AWS" section lists it.
 */
const email = z.email({ error: 'must be an email address' });
const origin = z
  .string()
  .check(z.regex(/^https?:\/\/[^/\s]+$/, { error: 'must be an origin (scheme://host[:port])' }));

const deploymentSchema = z.object({
  /** `prod` retains data on stack deletion, protects the table and keeps logs one year. */
  stage: z.enum(['dev', 'prod']),
  senderEmail: email,
  replyToEmail: email,
  /** Browser origins of the front end, allowed by the API's and the bucket's CORS. */
  frontEndOrigins: z.array(origin).check(z.minLength(1, { error: 'needs at least one origin' })),
  /** Public URL of the portal, used in email links. */
  portalUrl: z.url(),
  /** Public URL of the API (custom domain or the endpoint of the first deploy): the OpenAPI document's server. */
  apiUrl: z.optional(z.url()),
  /** Secrets Manager secret (name) holding the captcha provider's credentials (JSON). */
  captchaSecretName: z.string().check(z.minLength(1)),
  /** Optional address subscribed to the alarm topic. */
  alarmEmail: z.optional(email),
  /** Steady-state and burst request limits of the HTTP API's default stage. */
  throttlingRateLimit: z._default(z.number().check(z.positive()), 50),
  throttlingBurstLimit: z._default(z.number().check(z.positive()), 100),
});

export type Deployment = z.infer<typeof deploymentSchema>;

/** Context values arrive as strings from `-c`; lists may be comma-separated. */
function normalise(raw: Record<string, unknown>) {
  const list = (value: unknown) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : value;
  const number = (value: unknown) => (typeof value === 'string' && value !== '' ? Number(value) : value);
  return {
    ...raw,
    frontEndOrigins: list(raw.frontEndOrigins),
    throttlingRateLimit: number(raw.throttlingRateLimit),
    throttlingBurstLimit: number(raw.throttlingBurstLimit),
  };
}

export function readDeployment(tryGetContext: (key: string) => unknown): Deployment {
  const raw = Object.fromEntries(Object.keys(deploymentSchema.shape).map((key) => [key, tryGetContext(key)]));
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  const result = deploymentSchema.safeParse(normalise(raw));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid deployment context:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** Retention and removal rules that differ between stages. */
export const stageSettings = (stage: Deployment['stage']) =>
  stage === 'prod'
    ? { retainData: true, logRetentionDays: 365, accessLogRetentionDays: 365 }
    : { retainData: false, logRetentionDays: 30, accessLogRetentionDays: 30 };

/**
 * Physical names of the stateful resources, derived from the stage. The stateless stack builds its
 * ARNs from these names instead of importing CloudFormation exports, so the two stacks deploy and
 * change independently (no export locked by an importing stack).
 */
export function resourceNames(stage: Deployment['stage']) {
  const prefix = `segur-mss-${stage}`;
  const unique = `${Aws.ACCOUNT_ID}-${Aws.REGION}`;
  return {
    prefix,
    table: prefix,
    documentsBucket: `${prefix}-documents-${unique}`,
    accessLogsBucket: `${prefix}-access-logs-${unique}`,
    stateMachine: (workflowId: string) => `${prefix}-${workflowId}`,
  };
}

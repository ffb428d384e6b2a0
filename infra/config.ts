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
  /**
   * SES domain identity (Easy DKIM) the sender's address belongs to; by default the sender's own
   * domain. Its DNS records are outputs of the data stack.
   */
  sesDomain: z.optional(
    z.string().check(z.regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: 'must be a domain name' })),
  ),
  /** Custom MAIL FROM subdomain of sesDomain (SPF alignment for DMARC): `bounce` → bounce.<domain>. */
  mailFromSubdomain: z._default(
    z.string().check(z.regex(/^[a-z0-9-]+$/, { error: 'must be one DNS label' })),
    'bounce',
  ),
  /**
   * True while the account is in the SES sandbox, where SES also authorises the sender against
   * each recipient's identity: the senders then get ses:SendEmail on every identity of the
   * account (still only From the sender address). Deploy with false once production access is granted.
   */
  sesSandbox: z._default(z.boolean(), true),
  /** Browser origins of the front end, allowed by the API's and the bucket's CORS. */
  frontEndOrigins: z.array(origin).check(z.minLength(1, { error: 'needs at least one origin' })),
  /** Public URL of the portal, used in email links. */
  portalUrl: z.url(),
  /**
   * The portal's own domain on CloudFront (portail.example.fr) and its ACM certificate, which
   * CloudFront only takes from us-east-1; both or neither: without them the portal is served on
   * the distribution's cloudfront.net domain.
   */
  portalDomainName: z.optional(
    z.string().check(z.regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: 'must be a domain name' })),
  ),
  portalCertificateArn: z.optional(
    z.string().check(
      z.regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, {
        error: 'must be an ACM certificate ARN in us-east-1 (CloudFront takes no other region)',
      }),
    ),
  ),
  /** Optional AWS WAF web ACL (scope CLOUDFRONT, created in us-east-1) attached to the portal's distribution. */
  portalWebAclArn: z.optional(
    z.string().check(
      z.regex(/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/.+$/, {
        error: 'must be a CLOUDFRONT-scoped WAF web ACL ARN',
      }),
    ),
  ),
  /** Public URL of the API (custom domain or the endpoint of the first deploy): the OpenAPI document's server. */
  apiUrl: z.optional(z.url()),
  /** Secrets Manager secret (name) holding the captcha provider's credentials (JSON). */
  captchaSecretName: z.string().check(z.minLength(1)),
  /** Optional address subscribed to the alarm topic. */
  alarmEmail: z.optional(email),
  /**
   * Reserved concurrency of the authorizer and the hashing functions. Needs an account quota of
   * concurrent executions well above their sum plus 100 (a new account may have 10): request it
   * first, or deploy a trial stage with false.
   */
  reserveConcurrency: z._default(z.boolean(), true),
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
  const boolean = (value: unknown) => (value === 'true' ? true : value === 'false' ? false : value);
  return {
    ...raw,
    frontEndOrigins: list(raw.frontEndOrigins),
    throttlingRateLimit: number(raw.throttlingRateLimit),
    throttlingBurstLimit: number(raw.throttlingBurstLimit),
    sesSandbox: boolean(raw.sesSandbox),
    reserveConcurrency: boolean(raw.reserveConcurrency),
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
  const senderDomain = result.data.senderEmail.split('@')[1]?.toLowerCase() ?? '';
  const sesDomain = result.data.sesDomain ?? senderDomain;
  if (senderDomain !== sesDomain)
    throw new Error(
      `Invalid deployment context:\n  senderEmail: must be an address of sesDomain (${sesDomain})`,
    );
  if ((result.data.portalDomainName === undefined) !== (result.data.portalCertificateArn === undefined))
    throw new Error(
      'Invalid deployment context:\n  portalDomainName, portalCertificateArn: give both or neither',
    );
  return { ...result.data, sesDomain };
}

/** The SES sending setup derived from the deployment: domain identity, MAIL FROM domain. */
export const sesSettings = (deployment: Deployment) => {
  const domain = deployment.sesDomain ?? (deployment.senderEmail.split('@')[1] as string);
  return { domain, mailFromDomain: `${deployment.mailFromSubdomain}.${domain}` };
};

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
    /** SES configuration set: event destinations, reputation metrics, suppression list. */
    sesConfigurationSet: prefix,
  };
}

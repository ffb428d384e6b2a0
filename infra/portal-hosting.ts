import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  Aws,
  aws_certificatemanager as acm,
  type aws_apigatewayv2 as apigw,
  CfnOutput,
  aws_cloudfront as cloudfront,
  Duration,
  NestedStack,
  aws_cloudfront_origins as origins,
  RemovalPolicy,
  Stack,
  aws_s3 as s3,
  aws_s3_deployment as s3deploy,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { REPOSITORY_ROOT } from './bundling.ts';
import { type Deployment, resourceNames, stageSettings } from './config.ts';
import { acknowledge } from './nag.ts';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS } from './portal-headers.ts';

/** The production build of web/ (`npm run build`), published as is. */
export const PORTAL_DIST = join(REPOSITORY_ROOT, 'web', 'dist');

/** Paths CloudFront sends to the HTTP API: the portal and the API share one origin (no CORS). */
export const API_PATH_PATTERNS = ['/v1/*', '/openapi.json'] as const;

/**
 * SPA fallback, a CloudFront Function on the portal's (S3) behaviour only: a path whose last
 * segment has no extension is a client route (/connexion, /instruction/…) and gets index.html;
 * files keep their path. The API behaviours never run it, so the API's 404 and 403 problems
 * reach the browser unchanged (a distribution-wide error response would rewrite them too).
 */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export interface PortalHostingProps {
  deployment: Deployment;
  api: apigw.IHttpApi;
}

/**
 * The built portal in a private S3 bucket behind CloudFront (origin access control), the API on
 * the same distribution under /v1/*, one response headers policy (CSP, HSTS, nosniff, no
 * framing, referrer policy) on every behaviour, access logs of the distribution and the bucket.
 * A nested stack of the API stack: the API's id reaches it as a parameter, not an export.
 */
export class PortalHosting extends NestedStack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly securityHeaders: cloudfront.ResponseHeadersPolicy;
  readonly spaFallback: cloudfront.Function;

  constructor(scope: Construct, id: string, props: PortalHostingProps) {
    super(scope, id, { description: 'Portail Ségur MSS: the web portal on S3 and CloudFront' });
    const { deployment } = props;
    if (!existsSync(join(PORTAL_DIST, 'index.html')))
      throw new Error('Portail non construit (web/dist) : lancez `npm run build` avant la synthèse.');
    const settings = stageSettings(deployment.stage);
    const names = resourceNames(deployment.stage);

    // Legacy CloudFront standard logs are written with ACLs: this bucket alone keeps them enabled.
    const logs = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(settings.accessLogRetentionDays) }],
      removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !settings.retainData,
    });
    acknowledge(
      logs,
      'AwsSolutions-S1',
      "This bucket receives the portal's access logs (CloudFront and S3); logging it into itself would loop.",
    );

    // Only build output, rebuilt by every deploy: removed with the stack whatever the stage.
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'portal-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const documentsOrigin = `https://${names.documentsBucket}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    this.securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Portail Ségur MSS: CSP, HSTS, nosniff, no framing, referrer policy',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(documentsOrigin),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });
    this.spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      comment: 'Client routes of the portal get index.html',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK_CODE),
    });

    const apiOrigin = new origins.HttpOrigin(
      `${props.api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`,
      { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY },
    );
    const apiBehaviour: cloudfront.BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      // Every answer is per request (sessions, one-time captchas): nothing cached at the edge.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      // Authorization, Idempotency-Key, the query string… all but Host (API Gateway needs its own).
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.securityHeaders,
    };
    const certificate = deployment.portalCertificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', deployment.portalCertificateArn)
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Portail Ségur MSS (${deployment.stage})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: this.securityHeaders,
        functionAssociations: [
          { function: this.spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: Object.fromEntries(API_PATH_PATTERNS.map((pattern) => [pattern, apiBehaviour])),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(certificate && deployment.portalDomainName
        ? { certificate, domainNames: [deployment.portalDomainName] }
        : {}),
      ...(deployment.portalWebAclArn ? { webAclId: deployment.portalWebAclArn } : {}),
    });
    this.acknowledgeDistributionFindings(deployment);
    this.publish();

    const url = deployment.portalDomainName
      ? `https://${deployment.portalDomainName}`
      : `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(Stack.of(scope), 'PortalDistributionUrl', {
      description: 'URL of the portal on CloudFront (portalUrl and frontEndOrigins should name it)',
      value: url,
    });
  }

  /**
   * web/dist into the bucket (CDK's BucketDeployment: a zip asset and its pre-built handler, no
   * Docker). The hashed assets are immutable and never pruned, so a page loaded before a deploy
   * still finds its lazy chunks; index.html is revalidated on each visit and invalidated.
   */
  private publish() {
    const source = s3deploy.Source.asset(PORTAL_DIST);
    const assets = new s3deploy.BucketDeployment(this, 'PublishAssets', {
      sources: [source],
      destinationBucket: this.bucket,
      include: ['assets/*'],
      exclude: ['*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    const pages = new s3deploy.BucketDeployment(this, 'PublishPages', {
      sources: [source],
      destinationBucket: this.bucket,
      exclude: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/'],
      memoryLimit: 512,
    });
    // The pages name the assets: published once the assets are there.
    pages.node.addDependency(assets);
    const handlers = this.node.children.filter((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    const bucketId = this.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    for (const handler of handlers) {
      for (const [rule, reason] of DEPLOYMENT_HANDLER_REASONS) acknowledge(handler, rule, reason);
      acknowledge(
        handler,
        `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
        "CDK's BucketDeployment handler writes every file of the portal's build into the portal's bucket.",
      );
    }
  }

  private acknowledgeDistributionFindings(deployment: Deployment) {
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Operators reach the portal from wherever they work; access is governed by accounts, not by country.',
    );
    if (!deployment.portalWebAclArn)
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'No web ACL given (portalWebAclArn): WAF for CloudFront lives in us-east-1, outside this stack; the API throttles, the captcha guards the public forms and logins lock out.',
      );
    if (!deployment.portalCertificateArn)
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain the cloudfront.net certificate allows TLSv1 at the viewer; set portalDomainName and portalCertificateArn to enforce TLSv1.2_2021.',
      );
  }
}

/**
 * cdk-nag's findings on CDK's BucketDeployment handler (its own code and role, run by
 * CloudFormation during deployments only), each with its reason.
 */
const DEPLOYMENT_HANDLER_REASONS = [
  [
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "CDK's BucketDeployment handler writes its own logs through AWSLambdaBasicExecutionRole; it runs during deployments only.",
  ],
  ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map(
    (action) =>
      [
        `AwsSolutions-IAM5[Action::${action}]`,
        `CDK's BucketDeployment handler reads the portal's zip from the CDK asset bucket (${action}, granted by aws-cdk-lib).`,
      ] as const,
  ),
  ...['s3:DeleteObject*', 's3:Abort*'].map(
    (action) =>
      [
        `AwsSolutions-IAM5[Action::${action}]`,
        `CDK's BucketDeployment handler replaces the portal's files in its bucket (${action}, granted by aws-cdk-lib).`,
      ] as const,
  ),
  [
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
    "CDK's BucketDeployment handler reads the asset it is given from the bootstrap asset bucket, whose object keys are content hashes.",
  ],
  [
    'AwsSolutions-L1',
    "CDK's BucketDeployment handler runtime (Python) is chosen by aws-cdk-lib and upgraded with it.",
  ],
  [
    'Serverless-LambdaLatestVersion',
    "CDK's BucketDeployment handler runtime (Python) is chosen by aws-cdk-lib and upgraded with it.",
  ],
  [
    'Serverless-LambdaDLQ',
    'Invoked by CloudFormation during a deployment, which reports its failure and rolls back.',
  ],
  ['Serverless-LambdaTracing', 'A copy of static files during a deployment: nothing worth tracing.'],
  [
    'AwsSolutions-IAM5[Resource::*]',
    "CDK's BucketDeployment handler invalidates index.html: cloudfront:CreateInvalidation and GetInvalidation, granted by aws-cdk-lib on *.",
  ],
] as const;

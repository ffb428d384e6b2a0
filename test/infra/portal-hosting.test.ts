import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, aws_apigatewayv2 as apigw, assertions, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { readDeployment } from '#infra/config.ts';
import { contentSecurityPolicy } from '#infra/portal-headers.ts';
import { PortalHosting, SPA_FALLBACK_CODE } from '#infra/portal-hosting.ts';
import { cdkContext } from './synth.ts';

/**
 * The portal's hosting on its own, in front of an empty HTTP API (the real stacks' cdk-nag check
 * in stacks.test.ts covers it too): fast enough to synthesize twice, with and without a domain.
 */
const outdirs: string[] = [];
afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

function synthesizePortal(context: Record<string, string> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'segur-portal-'));
  outdirs.push(outdir);
  const app = new App({ context: { ...cdkContext, ...context }, outdir });
  const deployment = readDeployment((key) => app.node.tryGetContext(key));
  const parent = new Stack(app, 'Parent');
  const api = new apigw.HttpApi(parent, 'Api');
  const portal = new PortalHosting(parent, 'Portal', { deployment, api });
  return {
    portal,
    template: assertions.Template.fromStack(portal),
    parent: assertions.Template.fromStack(parent),
  };
}

const { template, parent } = synthesizePortal();
const distributionConfig = () =>
  Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]?.Properties.DistributionConfig;
const logicalId = (type: string) => Object.keys(template.findResources(type));
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('portal hosting (S3 + CloudFront)', () => {
  it('serves a private bucket through origin access control only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    const [bucketOrigin] = distributionConfig().Origins.filter(
      (origin: { S3OriginConfig?: unknown }) => origin.S3OriginConfig,
    );
    expect(bucketOrigin.OriginAccessControlId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'],
    });
    expect(bucketOrigin.S3OriginConfig.OriginAccessIdentity).toBe('');
    // Only the distribution may read, and only objects (no listing).
    const policy = JSON.stringify(template.findResources('AWS::S3::BucketPolicy'));
    expect(policy).toContain('cloudfront.amazonaws.com');
    expect(policy).toContain('AWS:SourceArn');
  });

  it('routes /v1/* and /openapi.json to the HTTP API, uncached, with every header but Host', () => {
    const config = distributionConfig();
    const apiOrigin = config.Origins.find(
      (origin: { CustomOriginConfig?: unknown }) => origin.CustomOriginConfig,
    );
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('execute-api');
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(config.CacheBehaviors.map((behaviour: { PathPattern: string }) => behaviour.PathPattern)).toEqual([
      '/v1/*',
      '/openapi.json',
    ]);
    for (const behaviour of config.CacheBehaviors) {
      expect(behaviour).toMatchObject({
        TargetOriginId: apiOrigin.Id,
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        ViewerProtocolPolicy: 'https-only',
      });
      // The SPA fallback never touches the API's answers.
      expect(behaviour.FunctionAssociations).toBeUndefined();
    }
  });

  it('falls back to index.html for client routes with a viewer-request function, not with error responses', () => {
    const config = distributionConfig();
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [logicalId('AWS::CloudFront::Function')[0], 'FunctionARN'] },
      },
    ]);
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: SPA_FALLBACK_CODE,
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
    // The function's own code, run on the paths the emails and the router use.
    const handler = new Function(`${SPA_FALLBACK_CODE}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const served = (uri: string) => handler({ request: { uri } }).uri;
    expect(served('/')).toBe('/index.html');
    expect(served('/connexion')).toBe('/index.html');
    expect(served('/enrolement/reprise')).toBe('/index.html');
    expect(served('/instruction/enrolements/0f4c2a9e-5b1d-4c39-9d6e-2f0a7d3c1b11')).toBe('/index.html');
    expect(served('/assets/index-D2MsniWI.js')).toBe('/assets/index-D2MsniWI.js');
    expect(served('/favicon.ico')).toBe('/favicon.ico');
  });

  it('sends the CSP, HSTS, nosniff, no framing and the referrer policy on every behaviour', () => {
    const [policyId] = logicalId('AWS::CloudFront::ResponseHeadersPolicy');
    const [resource] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const headers = resource?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = headers.ContentSecurityPolicy;
    expect(csp.Override).toBe(true);
    const policy = JSON.stringify(csp.ContentSecurityPolicy);
    for (const directive of [
      "script-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "default-src 'self'",
    ])
      expect(policy).toContain(directive);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    // The browser may post files to the documents bucket, and nowhere else.
    expect(policy).toMatch(/connect-src 'self' https:\/\/segur-mss-dev-documents-/);
    expect(contentSecurityPolicy('https://bucket.example')).toContain(
      "connect-src 'self' https://bucket.example",
    );
    expect(headers).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63_072_000,
        IncludeSubdomains: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    const config = distributionConfig();
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('logs the distribution and the bucket to a log bucket that expires them', () => {
    const config = distributionConfig();
    const logBucket = config.Logging.Bucket['Fn::GetAtt'][0];
    expect(config.Logging.Prefix).toBe('cloudfront/');
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(buckets[logBucket]?.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(30);
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: logBucket }, LogFilePrefix: 'portal-bucket/' },
    });
  });

  it('publishes web/dist: immutable assets never pruned, index.html revalidated and invalidated', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')).map(
      (resource) => resource.Properties,
    );
    expect(deployments).toHaveLength(2);
    const [assets, pages] = deployments;
    expect(assets).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(assets.Include).toEqual(['assets/*']);
    expect(pages).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/index.html', '/'],
    });
  });

  it('outputs the portal URL: the cloudfront.net domain, or the custom domain with its certificate and TLS 1.2', () => {
    const output = Object.values(parent.findOutputs('*')).find((o) => o.Description?.includes('portal'));
    expect(JSON.stringify(output?.Value)).toContain('DomainName');
    expect(distributionConfig().Aliases).toBeUndefined();

    const custom = synthesizePortal({
      portalDomainName: 'portail.segur.example.fr',
      portalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f4c2a9e-5b1d-4c39',
    });
    const config = Object.values(custom.template.findResources('AWS::CloudFront::Distribution'))[0]
      ?.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['portail.segur.example.fr']);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f4c2a9e-5b1d-4c39',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const customOutput = Object.values(custom.parent.findOutputs('*')).find((o) =>
      o.Description?.includes('portal'),
    );
    expect(customOutput?.Value).toBe('https://portail.segur.example.fr');
    expect(() =>
      readDeployment((key) => ({ ...cdkContext, portalDomainName: 'portail.segur.example.fr' })[key]),
    ).toThrow(/give both or neither/);
    expect(() =>
      readDeployment(
        (key) =>
          ({
            ...cdkContext,
            portalDomainName: 'portail.segur.example.fr',
            portalCertificateArn: 'arn:aws:acm:eu-west-3:123456789012:certificate/abc',
          })[key],
      ),
    ).toThrow(/us-east-1/);
  });
});

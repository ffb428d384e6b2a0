import {
  aws_apigateway as apigateway,
  aws_apigatewayv2 as apigw,
  Duration,
  aws_logs as logs,
  RemovalPolicy,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import {
  CORS_ALLOWED_HEADERS,
  CORS_ALLOWED_METHODS,
  CORS_EXPOSED_HEADERS,
  CORS_MAX_AGE_SECONDS,
} from '#shared/http/cors.ts';
import { type Deployment, stageSettings } from './config.ts';
import { retentionDays } from './log-retention.ts';

/**
 * The HTTP API and its `$default` stage: CORS from the configured origins, default throttling,
 * JSON access logs without bodies, headers or query strings (personal data).
 */
export function createHttpApi(scope: Construct, deployment: Deployment, name: string): apigw.HttpApi {
  const settings = stageSettings(deployment.stage);
  const api = new apigw.HttpApi(scope, 'HttpApi', {
    apiName: name,
    description: 'Portail Ségur Numérique — opérateurs MSS',
    createDefaultStage: false,
    corsPreflight: {
      allowOrigins: deployment.frontEndOrigins,
      allowMethods: CORS_ALLOWED_METHODS.map((method) => apigw.CorsHttpMethod[method]),
      allowHeaders: CORS_ALLOWED_HEADERS,
      exposeHeaders: CORS_EXPOSED_HEADERS,
      // Bearer tokens and headers, never cookies: no credentials mode (the browser then refuses
      // any cross-origin read that would carry ambient credentials).
      allowCredentials: false,
      maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
    },
  });
  const accessLogs = new logs.LogGroup(scope, 'ApiAccessLogs', {
    retention: retentionDays(settings.accessLogRetentionDays),
    removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  new apigw.HttpStage(scope, 'DefaultStage', {
    httpApi: api,
    stageName: '$default',
    autoDeploy: true,
    throttle: {
      rateLimit: deployment.throttlingRateLimit,
      burstLimit: deployment.throttlingBurstLimit,
    },
    accessLogSettings: {
      destination: new apigw.LogGroupLogDestination(accessLogs),
      // Ids, route, status and timings only: no headers, query strings or bodies (personal data).
      format: apigateway.AccessLogFormat.custom(
        JSON.stringify({
          requestId: '$context.requestId',
          time: '$context.requestTime',
          sourceIp: '$context.identity.sourceIp',
          routeKey: '$context.routeKey',
          status: '$context.status',
          latencyMs: '$context.responseLatency',
          integrationLatencyMs: '$context.integrationLatency',
          responseLength: '$context.responseLength',
          integrationError: '$context.integrationErrorMessage',
          authorizerError: '$context.authorizer.error',
        }),
      ),
    },
  });
  return api;
}

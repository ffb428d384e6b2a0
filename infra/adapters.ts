import { ArnFormat, aws_iam as iam, type Stack } from 'aws-cdk-lib';
import type { Deployment } from './config.ts';
import { reachableModules } from './module-graph.ts';

/**
 * Ports whose adapter is chosen by environment variables (local fixtures offline, the real
 * service on AWS). A deployed function gets a port's production settings when its handler
 * reaches the port's module, so no route has to repeat what its code already says.
 */
const PRODUCTION_ADAPTERS: {
  module: string;
  environment: (deployment: Deployment) => Record<string, string>;
  grants?: (deployment: Deployment, stack: Stack) => iam.PolicyStatement[];
}[] = [
  {
    // CaptchEtat (shared/captcha): the credentials stay in Secrets Manager and are read at run
    // time (cached 5 minutes per warm Lambda): neither the template nor the function's
    // configuration holds them, and a rotation needs no redeployment.
    module: 'shared/captcha/index.ts',
    environment: ({ captchaSecretName }) => ({
      CAPTCHA_PROVIDER: 'captchetat',
      CAPTCHETAT_SECRET_ID: captchaSecretName,
    }),
    grants: ({ captchaSecretName }, stack) => [
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        // Secrets Manager appends six random characters to a secret's name in its ARN.
        resources: [captchaSecretArn(stack, captchaSecretName)],
      }),
    ],
  },
  {
    // API Recherche d'entreprises instead of the fixture directory (shared/companies).
    module: 'shared/companies/index.ts',
    environment: () => ({ COMPANY_DIRECTORY: 'api' }),
  },
];

/** The ARN of a secret created outside the stack, by name (`-??????`: its random suffix). */
export const captchaSecretArn = (stack: Stack, name: string) =>
  stack.formatArn({
    service: 'secretsmanager',
    resource: 'secret',
    resourceName: `${name}-??????`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

/** IAM statements the production adapters of a handler's ports need. */
export function adapterGrants(handler: string, deployment: Deployment, stack: Stack): iam.PolicyStatement[] {
  const modules = reachableModules(handler);
  return PRODUCTION_ADAPTERS.filter((adapter) => modules.has(adapter.module)).flatMap(
    (adapter) => adapter.grants?.(deployment, stack) ?? [],
  );
}

/** Production adapter settings for the ports a handler uses. */
export function adapterEnvironment(handler: string, deployment: Deployment): Record<string, string> {
  const modules = reachableModules(handler);
  return Object.assign(
    {},
    ...PRODUCTION_ADAPTERS.filter((adapter) => modules.has(adapter.module)).map((adapter) =>
      adapter.environment(deployment),
    ),
  );
}

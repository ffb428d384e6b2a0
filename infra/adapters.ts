import { ArnFormat, aws_iam as iam, type Stack } from 'aws-cdk-lib';
import type { Adapter } from '#shared/routes/types.ts';
import type { Deployment } from './config.ts';

/**
 * Ports whose adapter is chosen by environment variables (local fixtures offline, the real
 * service on AWS). A deployed function gets a port's production settings when its route declares
 * the adapter (`adapters` of its contract); test/infra checks the declaration against its bundle.
 */
const PRODUCTION_ADAPTERS: Record<
  Adapter,
  {
    environment: (deployment: Deployment) => Record<string, string>;
    grants?: (deployment: Deployment, stack: Stack) => iam.PolicyStatement[];
  }
> = {
  captcha: {
    // CaptchEtat (shared/captcha): the credentials stay in Secrets Manager and are read at run
    // time (cached 5 minutes per warm Lambda): neither the template nor the function's
    // configuration holds them, and a rotation needs no redeployment.
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
  companyDirectory: {
    // API Recherche d'entreprises instead of the fixture directory (shared/companies).
    environment: () => ({ COMPANY_DIRECTORY: 'api' }),
  },
};

/** The ARN of a secret created outside the stack, by name (`-??????`: its random suffix). */
export const captchaSecretArn = (stack: Stack, name: string) =>
  stack.formatArn({
    service: 'secretsmanager',
    resource: 'secret',
    resourceName: `${name}-??????`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

/** IAM statements the production adapters of a function need. */
export const adapterGrants = (adapters: readonly Adapter[], deployment: Deployment, stack: Stack) =>
  adapters.flatMap((adapter) => PRODUCTION_ADAPTERS[adapter].grants?.(deployment, stack) ?? []);

/** Production adapter settings of a function. */
export const adapterEnvironment = (
  adapters: readonly Adapter[],
  deployment: Deployment,
): Record<string, string> =>
  Object.assign({}, ...adapters.map((adapter) => PRODUCTION_ADAPTERS[adapter].environment(deployment)));

import { SecretValue } from 'aws-cdk-lib';
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
}[] = [
  {
    // CaptchEtat (shared/captcha): the credentials stay in Secrets Manager; CloudFormation
    // resolves these dynamic references at deploy time, so the secret never appears in the
    // template or in the repository, and the function needs no Secrets Manager call at cold start.
    module: 'shared/captcha/index.ts',
    environment: ({ captchaSecretName }) => {
      const field = (jsonField: string) =>
        SecretValue.secretsManager(captchaSecretName, { jsonField }).unsafeUnwrap();
      return {
        CAPTCHA_PROVIDER: 'captchetat',
        CAPTCHETAT_API_URL: field('apiUrl'),
        CAPTCHETAT_TOKEN_URL: field('tokenUrl'),
        CAPTCHETAT_CLIENT_ID: field('clientId'),
        CAPTCHETAT_CLIENT_SECRET: field('clientSecret'),
      };
    },
  },
  {
    // API Recherche d'entreprises instead of the fixture directory (shared/companies).
    module: 'shared/companies/index.ts',
    environment: () => ({ COMPANY_DIRECTORY: 'api' }),
  },
];

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

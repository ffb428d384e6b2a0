import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Secrets Manager client; locally AWS_ENDPOINT_URL_SECRETS_MANAGER may point it at a stand-in. */
const secretsClient = new SecretsManagerClient({});

/**
 * A secret read at run time, not a value resolved into the function's configuration at deploy
 * (where the console and GetFunctionConfiguration show it in clear). A warm Lambda keeps it
 * `ttlMs`, so requests pay no call and a rotation applies within that time; concurrent first
 * requests share one call.
 */
export function cachedSecret(secretId: string, ttlMs: number, client = secretsClient) {
  let cached: { value: string; until: number } | undefined;
  let pending: Promise<string> | undefined;
  return (): Promise<string> => {
    if (cached && cached.until > Date.now()) return Promise.resolve(cached.value);
    pending ??= client
      .send(new GetSecretValueCommand({ SecretId: secretId }))
      .then(({ SecretString }) => {
        if (!SecretString) throw new Error('The secret has no string value');
        cached = { value: SecretString, until: Date.now() + ttlMs };
        return SecretString;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

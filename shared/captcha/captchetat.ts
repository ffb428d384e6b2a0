import type { CaptchaChallenge, CaptchaProvider } from './port.ts';

/**
 * CaptchEtat (the State's captcha service, on the PISTE API gateway): an OAuth2
 * client-credentials token, then `GET …/simple-captcha-endpoint?get=image&c=<type>` → `{ uuid,
 * imageb64 }`, `GET …/simple-captcha-endpoint?get=sound&c=<type>&t=<uuid>` → the code spoken
 * (a WAV, raw or base64 in JSON), and `POST …/valider-captcha { uuid, code }` → `true | false`. The service keeps
 * the answer and makes each challenge one-time; nothing here can skip the check.
 */
interface CaptchEtatCredentials {
  apiUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface CaptchEtatSettings {
  /** Read when needed (the Secrets Manager secret, cached), never held in the configuration. */
  credentials: () => Promise<CaptchEtatCredentials>;
  captchaType: string;
  timeoutMs: number;
}

export function captchEtatProvider(settings: CaptchEtatSettings): CaptchaProvider {
  let cached: { token: string; expiresAt: number } | undefined;

  async function accessToken(credentials: CaptchEtatCredentials): Promise<string> {
    if (cached && cached.expiresAt > Date.now() + 10_000) return cached.token;
    const response = await fetch(credentials.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        scope: 'piste.captchetat',
      }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!response.ok) throw new Error(`CaptchEtat token request failed with ${response.status}`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    cached = { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    return cached.token;
  }

  return {
    async create(): Promise<CaptchaChallenge> {
      const credentials = await settings.credentials();
      const url = `${credentials.apiUrl}/simple-captcha-endpoint?get=image&c=${encodeURIComponent(settings.captchaType)}`;
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${await accessToken(credentials)}` },
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      if (!response.ok) throw new Error(`CaptchEtat challenge request failed with ${response.status}`);
      const body = (await response.json()) as { uuid: string; imageb64: string };
      const image = body.imageb64.startsWith('data:')
        ? body.imageb64
        : `data:image/png;base64,${body.imageb64}`;
      return { id: body.uuid, image, expiresInSeconds: 120 };
    },
    async audio(id: string): Promise<Uint8Array | undefined> {
      const credentials = await settings.credentials();
      const url = `${credentials.apiUrl}/simple-captcha-endpoint?get=sound&c=${encodeURIComponent(settings.captchaType)}&t=${encodeURIComponent(id)}`;
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${await accessToken(credentials)}` },
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      if (response.status === 404 || response.status === 400) return undefined;
      if (!response.ok) throw new Error(`CaptchEtat sound request failed with ${response.status}`);
      if (!response.headers.get('content-type')?.includes('json'))
        return new Uint8Array(await response.arrayBuffer());
      // The JSON form carries the sound in base64, under the name the image endpoint uses.
      const body = (await response.json()) as { audiob64?: string; imageb64?: string };
      const base64 = (body.audiob64 ?? body.imageb64 ?? '').replace(/^data:[^,]*,/, '');
      return base64 ? Buffer.from(base64, 'base64') : undefined;
    },
    async verify(id: string, answer: string): Promise<boolean> {
      const credentials = await settings.credentials();
      const response = await fetch(`${credentials.apiUrl}/valider-captcha`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await accessToken(credentials)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ uuid: id, code: answer }),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      if (!response.ok) throw new Error(`CaptchEtat validation failed with ${response.status}`);
      return (await response.text()).trim() === 'true';
    },
  };
}

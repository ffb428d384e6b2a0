import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTCHA_ALPHABET } from '#shared/captcha/alphabet.ts';
import { localVoice, SPOKEN_SAMPLE_RATE, spellAsWav } from '#shared/captcha/audio.ts';
import { captchEtatProvider } from '#shared/captcha/captchetat.ts';
import { renderCaptchaSvg } from '#shared/captcha/svg.ts';

describe('captcha provider selection', () => {
  beforeEach(() => {
    vi.resetModules();
    process.env.TABLE_NAME = 'unused';
  });

  it('refuses the local provider on any stage but local: no bypass in a deployed stack', async () => {
    Object.assign(process.env, { STAGE: 'production', CAPTCHA_PROVIDER: 'local' });
    await expect(import('#shared/captcha/index.ts')).rejects.toThrow(/only allowed when STAGE=local/);
  });

  it('refuses CaptchEtat without its settings, and a missing STAGE', async () => {
    Object.assign(process.env, { STAGE: 'production', CAPTCHA_PROVIDER: 'captchetat' });
    await expect(import('#shared/captcha/index.ts')).rejects.toThrow(/CAPTCHETAT_SECRET_ID/);
    vi.resetModules();
    delete process.env.STAGE;
    await expect(import('#shared/captcha/index.ts')).rejects.toThrow(/Invalid configuration: STAGE/);
  });
});

describe('CaptchEtat adapter against a local stand-in of the service', () => {
  let server: Server;
  let base = '';
  const issued = new Map<string, string>();
  const calls: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        calls.push(`${req.method} ${url.pathname}`);
        const body = Buffer.concat(chunks).toString('utf8');
        if (url.pathname === '/oauth/token') {
          const form = new URLSearchParams(body);
          if (form.get('client_secret') !== 'secret') return res.writeHead(401).end();
          return res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ access_token: 'token-1', expires_in: 3600 }));
        }
        if (req.headers.authorization !== 'Bearer token-1') return res.writeHead(401).end();
        if (url.pathname === '/captcha/simple-captcha-endpoint' && url.searchParams.get('get') === 'sound') {
          // The sound of an issued challenge, in base64 inside JSON, as the image endpoint answers.
          const uuid = url.searchParams.get('t') ?? '';
          if (url.searchParams.get('c') !== 'captchaFR' || !issued.has(uuid)) return res.writeHead(404).end();
          return res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ imageb64: Buffer.from(`RIFF-${uuid}`).toString('base64') }));
        }
        if (url.pathname === '/captcha/simple-captcha-endpoint') {
          const uuid = `uuid-${issued.size + 1}`;
          issued.set(uuid, 'AB12C');
          return res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ uuid, imageb64: Buffer.from('png').toString('base64') }));
        }
        if (url.pathname === '/captcha/valider-captcha') {
          const { uuid, code } = JSON.parse(body) as { uuid: string; code: string };
          const valid = issued.get(uuid) === code;
          issued.delete(uuid);
          return res.writeHead(200, { 'content-type': 'application/json' }).end(String(valid));
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const provider = (clientSecret = 'secret') =>
    captchEtatProvider({
      credentials: async () => ({
        apiUrl: `${base}/captcha`,
        tokenUrl: `${base}/oauth/token`,
        clientId: 'portal',
        clientSecret,
      }),
      captchaType: 'captchaFR',
      timeoutMs: 2000,
    });

  it('gets a challenge image, validates once, caches its token', async () => {
    const captcha = provider();
    const challenge = await captcha.create();
    expect(challenge.image).toBe(`data:image/png;base64,${Buffer.from('png').toString('base64')}`);
    expect(challenge.localAnswer).toBeUndefined();
    expect(await captcha.verify(challenge.id, 'WRONG')).toBe(false);
    const second = await captcha.create();
    expect(await captcha.verify(second.id, 'AB12C')).toBe(true);
    expect(await captcha.verify(second.id, 'AB12C')).toBe(false);
    expect(calls.filter((call) => call === 'POST /oauth/token')).toHaveLength(1);
  });

  it("fetches a challenge's sound without using the challenge up; none for an unknown one", async () => {
    const captcha = provider();
    const challenge = await captcha.create();
    const sound = await captcha.audio(challenge.id);
    expect(Buffer.from(sound ?? []).toString()).toBe(`RIFF-${challenge.id}`);
    expect(await captcha.audio('uuid-unknown')).toBeUndefined();
    expect(await captcha.verify(challenge.id, 'AB12C')).toBe(true);
  });

  it('fails loudly when the service refuses its credentials', async () => {
    await expect(provider('wrong').create()).rejects.toThrow(/token request failed with 401/);
  });
});

describe('CaptchEtat credentials read from Secrets Manager at run time', () => {
  let server: Server;
  let endpoint = '';
  const requests: { target: string; secretId: string }[] = [];
  let secret = {
    apiUrl: 'https://a.example.fr',
    tokenUrl: 'https://t.example.fr',
    clientId: 'c',
    clientSecret: 's1',
  };

  // A stand-in speaking the Secrets Manager JSON protocol (X-Amz-Target: secretsmanager.GetSecretValue).
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const { SecretId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { SecretId: string };
        requests.push({ target: String(req.headers['x-amz-target']), secretId: SecretId });
        res
          .writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
          .end(JSON.stringify({ Name: SecretId, SecretString: JSON.stringify(secret) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the secret once per cache period, concurrent first reads included', async () => {
    const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const { cachedSecret } = await import('#shared/aws/secrets.ts');
    const client = new SecretsManagerClient({
      endpoint,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const read = cachedSecret('segur-mss/prod/captcha', 300_000, client);
      const [first, second] = await Promise.all([read(), read()]);
      expect(JSON.parse(first).clientSecret).toBe('s1');
      expect(second).toBe(first);
      expect(requests).toEqual([
        { target: 'secretsmanager.GetSecretValue', secretId: 'segur-mss/prod/captcha' },
      ]);
      secret = { ...secret, clientSecret: 's2' }; // rotated
      vi.advanceTimersByTime(299_000);
      expect(JSON.parse(await read()).clientSecret).toBe('s1');
      vi.advanceTimersByTime(2_000);
      expect(JSON.parse(await read()).clientSecret).toBe('s2');
      expect(requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('local captcha image', () => {
  it('draws every character of the code in an SVG', () => {
    const svg = renderCaptchaSvg('bw72x');
    expect(svg.startsWith('<svg')).toBe(true);
    expect([...svg.matchAll(/<text[^>]*>(.)<\/text>/g)].map((m) => m[1]).join('')).toBe('bw72x');
  });
});

describe('the local audio alternative', () => {
  it('has a spoken form of every character a code may hold', () => {
    const voice = localVoice();
    for (const character of CAPTCHA_ALPHABET) {
      const samples = voice.get(character);
      // At least 0.15 s of sound that is not silence (8-bit PCM: 128 is silence).
      expect(samples?.length ?? 0, character).toBeGreaterThan(0.15 * SPOKEN_SAMPLE_RATE);
      expect(Math.max(...(samples ?? [])) - Math.min(...(samples ?? [])), character).toBeGreaterThan(64);
    }
  });

  it('spells the code in a PCM WAV: the characters in order, separated by pauses', () => {
    const voice = localVoice();
    const wav = spellAsWav('bw72x', voice);
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.subarray(8, 16).toString('ascii')).toBe('WAVEfmt ');
    expect(wav.readUInt16LE(20)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(SPOKEN_SAMPLE_RATE);
    expect(wav.readUInt16LE(34)).toBe(8);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    const data = wav.subarray(44);
    let offset = 0;
    for (const character of 'bw72x') {
      const samples = Buffer.from(voice.get(character) ?? []);
      const found = data.indexOf(samples, offset);
      expect(found, character).toBeGreaterThan(offset);
      expect(data.subarray(offset, found).every((sample) => sample === 128)).toBe(true);
      offset = found + samples.length;
    }
    expect(data.subarray(offset).every((sample) => sample === 128)).toBe(true);
    expect(() => spellAsWav('b0', voice)).toThrow(/No spoken form/);
  });
});

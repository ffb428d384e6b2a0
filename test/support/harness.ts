import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type LocalCloud, startLocalCloud } from '#infra/local/cloud.ts';
import { publishedContract } from './contract.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiClient {
  request<T = any>(
    method: string,
    path: string,
    options?: { body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  delete<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

/** A client of the API under test; every response it receives is checked against `/openapi.json`. */
export function apiClient(baseUrl: string): ApiClient {
  const request: ApiClient['request'] = async (method, path, options = {}) => {
    const checkContract = await publishedContract(baseUrl);
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    checkContract(method, response.url, response.status, response.headers, parsed);
    return { status: response.status, headers: response.headers, body: parsed as never };
  };
  return {
    request,
    get: (path, headers) => request('GET', path, headers ? { headers } : {}),
    post: (path, body, headers) => request('POST', path, { body, ...(headers ? { headers } : {}) }),
    put: (path, body, headers) => request('PUT', path, { body, ...(headers ? { headers } : {}) }),
    delete: (path, headers) => request('DELETE', path, headers ? { headers } : {}),
  };
}

export interface TestCloud {
  cloud: LocalCloud;
  api: ApiClient;
  /** Emails captured by the SES emulator. */
  sentEmails(): Promise<SentEmail[]>;
  /** Makes the next `failures` SES sends fail (or every send with `always`). */
  injectSesFaults(plan: {
    failures?: number;
    always?: boolean;
    code?: string;
    status?: number;
  }): Promise<void>;
  clearSesFaults(): Promise<void>;
}

export interface SentEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

/**
 * Boots the local cloud in-process, on free ports, with in-memory DynamoDB and a temporary S3
 * folder, for the current test file; stops it after the file. Returns a live handle whose
 * fields are set once `beforeAll` has run.
 */
export function useLocalCloud(
  options: {
    environment?: Record<string, string>;
    functionTimeouts?: Record<string, number>;
    seedDemoOperator?: boolean;
    /** The portal's URL (known once its own beforeAll ran), for the emails' links. */
    portalUrl?: () => string;
  } = {},
): TestCloud {
  const handle = {} as TestCloud;
  let dataDirectory = '';
  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'segur-mss-test-'));
    const cloud = await startLocalCloud({
      ports: { api: 0, dynamodb: 0, s3: 0, ses: 0, sfn: 0 },
      dataDirectory,
      persist: false,
      retryIntervalMs: 10,
      ...(options.functionTimeouts ? { functionTimeouts: options.functionTimeouts } : {}),
      // Timeouts are enforced, with room for a burst's invocations sharing this one process.
      timeoutFactor: 3,
      seedDemoOperator: options.seedDemoOperator ?? false,
      environment: {
        ...options.environment,
        ...(options.portalUrl ? { PORTAL_URL: options.portalUrl() } : {}),
      },
    });
    const ses = cloud.urls.ses;
    Object.assign(handle, {
      cloud,
      api: apiClient(cloud.urls.api),
      sentEmails: async () =>
        ((await (await fetch(`${ses}/store`)).json()) as { emails: SentEmail[] }).emails,
      injectSesFaults: async (plan: object) => {
        await fetch(`${ses}/__faults`, { method: 'POST', body: JSON.stringify(plan) });
      },
      clearSesFaults: async () => {
        await fetch(`${ses}/__faults`, { method: 'DELETE' });
      },
    });
  });
  afterAll(async () => {
    await handle.cloud?.stop();
    if (dataDirectory) rmSync(dataDirectory, { recursive: true, force: true });
  });
  return handle;
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import S3rver from 's3rver';
import { READ_GUARDED_PREFIXES } from '#shared/malware-scan/definition.ts';
import { CLEAN, SCAN_STATUS_TAG } from '#shared/malware-scan/verdict.ts';
import { startLocalScanner } from './malware-scan.ts';
import { closeServer, listen } from './ports.ts';
import { checkPostUpload, type PostUpload, type S3ErrorReply, s3ErrorXml } from './s3-post-policy.ts';

/** s3rver's fixed credentials, which the local stage's SDK clients sign with. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
/** Far above any upload a policy of this project allows (4 MiB): a larger form is refused unread. */
const MAX_FORM_BYTES = 16 * 1024 * 1024;

/** Browser uploads (presigned POST) and downloads come from the front end's origins. */
const corsConfiguration = (origins: readonly string[]) => `<CORSConfiguration>
  <CORSRule>
    ${origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('\n    ')}
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** Queries that address something else than the object's bytes (its tags, its multipart upload). */
const OBJECT_SUBRESOURCES = ['tagging', 'acl', 'uploads', 'uploadId', 'partNumber'];

/** `x-amz-copy-source` without its leading slash and version query, decoded: `bucket/key`. */
const copySourceOf = (req: IncomingMessage) =>
  decodeURIComponent(String(req.headers['x-amz-copy-source']).split('?')[0] ?? '').replace(/^\//, '');

const readAll = (req: IncomingMessage, limit: number) =>
  new Promise<Buffer | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });

/** The form fields before the file, and the file's size, as S3 reads a POST upload. */
async function readForm(bucket: string, body: Buffer, contentType: string): Promise<PostUpload> {
  const form = await new Response(new Uint8Array(body), {
    headers: { 'content-type': contentType },
  }).formData();
  const fields: [string, string][] = [];
  for (const [name, value] of form) {
    if (name === 'file')
      return { bucket, fields, fileSize: typeof value === 'string' ? value.length : value.size };
    if (typeof value === 'string') fields.push([name, value]);
  }
  return { bucket, fields, fileSize: undefined };
}

const tagSetXml = (tags: [string, string][]) =>
  `<Tagging><TagSet>${tags.map(([name, value]) => `<Tag><Key>${name}</Key><Value>${value}</Value></Tag>`).join('')}</TagSet></Tagging>`;
const tagsOfXml = (xml: string): [string, string][] =>
  [...xml.matchAll(/<Tag><Key>([^<]*)<\/Key><Value>([^<]*)<\/Value><\/Tag>/g)].map(
    ([, name = '', value = '']) => [name, value],
  );
const objectPath = (bucket: string, key: string) =>
  `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
/** `/bucket/key…` → bucket and key (undefined for a bucket-level path). */
function objectOf(path: string): { bucket: string; key: string } | undefined {
  const [, bucket = '', ...key] = decodeURIComponent(path).split('/');
  return key.length > 0 && key.join('/') ? { bucket, key: key.join('/') } : undefined;
}

/**
 * s3rver (path-style) behind a small front that does what s3rver does not and S3 does: it checks
 * browser uploads (see s3-post-policy.ts), applies tags (a POST's `tagging` field, a copy's
 * tags) and the ETag preconditions of reads and copies, and applies the documents bucket's rule
 * on malware scans (shared/malware-scan/definition.ts: no read of a guarded object not tagged
 * clean). New uploads are scanned by the local GuardDuty stand-in (malware-scan.ts), whose
 * results go to `onScanResult`. Every other request passes through unchanged.
 */
export async function startS3(options: {
  port: number;
  directory: string;
  bucketName: string;
  corsOrigins: readonly string[];
  onScanResult: (event: unknown) => Promise<void>;
}) {
  const emulator = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: options.directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucketName, configs: [corsConfiguration(options.corsOrigins)] }],
  });
  const { port: emulatorPort } = (await emulator.run()) as { port: number };

  const forward = (req: IncomingMessage, res: ServerResponse, body?: Buffer, after?: () => Promise<void>) => {
    const upstream = request(
      { host: '127.0.0.1', port: emulatorPort, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        const status = reply.statusCode ?? 502;
        const succeeded = status < 300 && after ? after() : Promise.resolve();
        succeeded.then(
          () => {
            res.writeHead(status, reply.headers);
            reply.pipe(res);
          },
          () => res.writeHead(500).end(),
        );
      },
    );
    upstream.on('error', () => res.headersSent || res.writeHead(502).end());
    if (body) upstream.end(body);
    else req.pipe(upstream);
  };

  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  /**
   * Tags by object, as last read or written: every change to an object passes through this front
   * (which forgets the object's entry first), and the read rule would otherwise double every read.
   */
  const tagCache = new Map<string, Promise<[string, string][] | undefined>>();
  const forget = (bucket: string, key: string) => tagCache.delete(`${bucket}/${key}`);
  const tagsOf = (bucket: string, key: string) => {
    const id = `${bucket}/${key}`;
    let tags = tagCache.get(id);
    if (!tags) {
      tags = fetch(`${emulatorUrl}${objectPath(bucket, key)}?tagging`).then(async (reply) =>
        reply.ok ? tagsOfXml(await reply.text()) : undefined,
      );
      tagCache.set(id, tags);
      tags.catch(() => tagCache.delete(id));
    }
    return tags;
  };

  /** Tags an object as S3 does for a POST's `tagging` field or a copy's tagging directive. */
  const putTagging = (bucket: string, key: string, taggingXml: string) =>
    new Promise<void>((resolve, reject) => {
      forget(bucket, key);
      const path = `${objectPath(bucket, key)}?tagging`;
      request({ host: '127.0.0.1', port: emulatorPort, method: 'PUT', path }, (reply) => {
        reply.resume();
        if ((reply.statusCode ?? 500) >= 300) return reject(new Error(`tagging ${reply.statusCode}`));
        tagCache.set(`${bucket}/${key}`, Promise.resolve(tagsOfXml(taggingXml)));
        resolve();
      })
        .on('error', reject)
        .end(taggingXml);
    });

  /** PUT with x-amz-copy-source: s3rver copies neither the tags nor `x-amz-tagging` (REPLACE). */
  const copyTagging = (req: IncomingMessage, target: { bucket: string; key: string }) => async () => {
    const replace = String(req.headers['x-amz-tagging-directive'] ?? 'COPY').toUpperCase() === 'REPLACE';
    if (replace) {
      const tags = [...new URLSearchParams(String(req.headers['x-amz-tagging'] ?? ''))];
      return putTagging(target.bucket, target.key, tagSetXml(tags));
    }
    const source = objectOf(`/${copySourceOf(req)}`);
    const sourceTags = source ? await tagsOf(source.bucket, source.key) : undefined;
    return putTagging(target.bucket, target.key, tagSetXml(sourceTags ?? []));
  };

  const scanner = startLocalScanner(
    {
      read: async (bucket, key) => {
        const reply = await fetch(`${emulatorUrl}${objectPath(bucket, key)}`);
        if (!reply.ok) return undefined;
        const eTag = (reply.headers.get('etag') ?? '').replace(/"/g, '');
        return { bytes: Buffer.from(await reply.arrayBuffer()), eTag };
      },
      tags: async (bucket, key) => (await tagsOf(bucket, key)) ?? [],
      putTags: (bucket, key, tags) => putTagging(bucket, key, tagSetXml(tags)),
    },
    options.onScanResult,
  );

  /**
   * The bucket policy's rule: reading a guarded object (GET, HEAD, a copy's source) whose scan tag
   * is not clean is denied; a missing object is left to s3rver's own 404.
   */
  const readDenial = async (object: { bucket: string; key: string }): Promise<S3ErrorReply | undefined> => {
    if (!READ_GUARDED_PREFIXES.some((prefix) => object.key.startsWith(prefix))) return undefined;
    const tags = await tagsOf(object.bucket, object.key);
    if (!tags || tags.some(([name, value]) => name === SCAN_STATUS_TAG && value === CLEAN)) return undefined;
    return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  };

  /**
   * If-Match on a read, x-amz-copy-source-if-match on a copy: S3 serves or copies the object only
   * if its ETag still matches (s3rver ignores both).
   */
  const preconditionFailure = async (
    object: { bucket: string; key: string } | undefined,
    expected: string | string[] | undefined,
  ): Promise<S3ErrorReply | undefined> => {
    if (!object || !expected) return undefined;
    const reply = await fetch(`${emulatorUrl}${objectPath(object.bucket, object.key)}`, { method: 'HEAD' });
    if (!reply.ok || reply.headers.get('etag')?.replace(/"/g, '') === String(expected).replace(/"/g, ''))
      return undefined;
    return {
      status: 412,
      code: 'PreconditionFailed',
      message: 'At least one of the pre-conditions you specified did not hold',
    };
  };

  const refuse = (req: IncomingMessage, res: ServerResponse, reply: Parameters<typeof s3ErrorXml>[0]) => {
    const origin = req.headers.origin;
    const cors =
      origin && options.corsOrigins.some((allowed) => allowed === '*' || allowed === origin)
        ? { 'access-control-allow-origin': origin, vary: 'Origin' }
        : {};
    res
      .writeHead(reply.status, { ...cors, 'content-type': 'application/xml' })
      .end(s3ErrorXml(reply, randomUUID()));
  };

  /** Copies, uploads by PUT, and reads, each with the rule S3 and the bucket policy apply. */
  const handleObjectRequest = async (
    req: IncomingMessage,
    res: ServerResponse,
    object: { bucket: string; key: string },
  ) => {
    if (req.method === 'PUT' && req.headers['x-amz-copy-source']) {
      const source = objectOf(`/${copySourceOf(req)}`);
      const refusal =
        (source && (await readDenial(source))) ||
        (await preconditionFailure(source, req.headers['x-amz-copy-source-if-match']));
      if (refusal) return refuse(req, res, refusal);
      return forward(req, res, undefined, copyTagging(req, object));
    }
    if (req.method === 'PUT')
      return forward(req, res, undefined, () => scanner.objectCreated(object.bucket, object.key));
    const refusal =
      (await readDenial(object)) || (await preconditionFailure(object, req.headers['if-match']));
    if (refusal && req.method === 'HEAD') return void res.writeHead(refusal.status).end();
    if (refusal) return refuse(req, res, refusal);
    forward(req, res);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const contentType = req.headers['content-type'] ?? '';
    const subresource = OBJECT_SUBRESOURCES.some((name) => url.searchParams.has(name));
    const object = subresource ? undefined : objectOf(path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // A change makes cached tags stale: its object's, or all of them for a bucket-level one
      // (DeleteObjects); a form upload forgets its own key below.
      const target = objectOf(path);
      if (target) forget(target.bucket, target.key);
      else if (url.search !== '') tagCache.clear();
    }
    if (object && ['GET', 'HEAD', 'PUT'].includes(req.method ?? ''))
      return void handleObjectRequest(req, res, object).catch(
        () => res.headersSent || res.writeHead(500).end(),
      );
    const bucket = /^\/([^/]+)\/?$/.exec(path)?.[1];
    if (req.method !== 'POST' || !bucket || !/^multipart\/form-data/i.test(contentType))
      return forward(req, res);
    (async () => {
      const body = await readAll(req, MAX_FORM_BYTES);
      if (!body)
        return refuse(req, res, {
          status: 400,
          code: 'EntityTooLarge',
          message: 'Your proposed upload exceeds the maximum allowed size',
        });
      const upload = await readForm(bucket, body, contentType);
      const refusal = checkPostUpload(upload, LOCAL_S3_CREDENTIALS);
      if (refusal) return refuse(req, res, refusal);
      const fields = new Map(upload.fields.map(([name, value]) => [name.toLowerCase(), value]));
      const tagging = fields.get('tagging');
      const key = fields.get('key') ?? '';
      forget(bucket, key);
      forward(req, res, body, async () => {
        if (tagging) await putTagging(bucket, key, tagging);
        await scanner.objectCreated(bucket, key);
      });
    })().catch(() =>
      refuse(req, res, {
        status: 400,
        code: 'MalformedPOSTRequest',
        message: 'The body of your POST request is not well-formed multipart/form-data.',
      }),
    );
  });
  const port = await listen(server, options.port, 'S3', 'LOCAL_S3_PORT');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      scanner.stop();
      await closeServer(server);
      await emulator.close();
    },
  };
}

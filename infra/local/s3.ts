import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import S3rver from 's3rver';
import { closeServer, listen } from './ports.ts';
import { checkPostUpload, type PostUpload, s3ErrorXml } from './s3-post-policy.ts';

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

/**
 * s3rver (path-style) behind a small front that checks browser uploads as S3 does (see
 * s3-post-policy.ts) and applies the tags s3rver ignores (a POST's `tagging` field, a copy's
 * tags), so lifecycle tags can be tested; every other request passes through unchanged.
 */
export async function startS3(options: {
  port: number;
  directory: string;
  bucketName: string;
  corsOrigins: readonly string[];
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

  /** Tags an object as S3 does for a POST's `tagging` field or a copy's tagging directive. */
  const putTagging = (bucket: string, key: string, taggingXml: string) =>
    new Promise<void>((resolve, reject) => {
      const path = `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}?tagging`;
      request({ host: '127.0.0.1', port: emulatorPort, method: 'PUT', path }, (reply) => {
        reply.resume();
        (reply.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`tagging ${reply.statusCode}`));
      })
        .on('error', reject)
        .end(taggingXml);
    });

  /** PUT with x-amz-copy-source: s3rver copies neither the tags nor `x-amz-tagging` (REPLACE). */
  const copyTagging = (req: IncomingMessage, path: string) => async () => {
    const [, bucket = '', ...key] = decodeURIComponent(path).split('/');
    const replace = String(req.headers['x-amz-tagging-directive'] ?? 'COPY').toUpperCase() === 'REPLACE';
    if (replace) {
      const tags = [...new URLSearchParams(String(req.headers['x-amz-tagging'] ?? ''))]
        .map(([name, value]) => `<Tag><Key>${name}</Key><Value>${value}</Value></Tag>`)
        .join('');
      return putTagging(bucket, key.join('/'), `<Tagging><TagSet>${tags}</TagSet></Tagging>`);
    }
    const source = decodeURIComponent(String(req.headers['x-amz-copy-source'])).replace(/^\//, '');
    const sourceTags = await fetch(`http://127.0.0.1:${emulatorPort}/${source}?tagging`).then((r) =>
      r.text(),
    );
    return putTagging(bucket, key.join('/'), sourceTags);
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

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const contentType = req.headers['content-type'] ?? '';
    if (req.method === 'PUT' && req.headers['x-amz-copy-source'])
      return forward(req, res, undefined, copyTagging(req, path));
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
      forward(req, res, body, tagging ? () => putTagging(bucket, key, tagging) : undefined);
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
      await closeServer(server);
      await emulator.close();
    },
  };
}

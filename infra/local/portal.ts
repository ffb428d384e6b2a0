import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { portalSecurityHeaders } from '../portal-headers.ts';
import { closeServer, listen } from './ports.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Paths the API answers; the rest is the portal (files, else index.html for the client router). */
const API_PATHS = /^\/(v1\/|openapi\.json$)/;

/**
 * The portal as CloudFront serves it: the built files of web/dist, `index.html` for any other
 * path (deep links such as /enrolement/reprise#…), and /v1/* forwarded to the API so that the
 * portal and the API share one origin.
 */
export async function startPortal(options: {
  port: number;
  distDirectory: string;
  /** The API's base URL, known once the gateway is up. */
  apiUrl: () => string | undefined;
  /** Origins the browser posts files to (presigned POST to S3). */
  uploadOrigins: () => string;
}) {
  const indexFile = join(options.distDirectory, 'index.html');

  function forward(req: IncomingMessage, res: ServerResponse) {
    const api = options.apiUrl();
    if (!api) return res.writeHead(503).end();
    const target = new URL(req.url ?? '/', api);
    const upstream = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
    });
    req.pipe(upstream);
  }

  function serveFile(path: string, res: ServerResponse) {
    const file = normalize(join(options.distDirectory, path));
    const found =
      file.startsWith(options.distDirectory) && existsSync(file) && statSync(file).isFile()
        ? file
        : undefined;
    const served = found ?? indexFile;
    if (!existsSync(served))
      return res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Portail non construit.');
    const immutable = found !== undefined && path.startsWith('/assets/');
    res.writeHead(200, {
      ...portalSecurityHeaders(options.uploadOrigins()),
      'content-type': CONTENT_TYPES[extname(served)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(served).pipe(res);
  }

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (API_PATHS.test(path)) return forward(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
    serveFile(path, res);
  });
  const port = await listen(server, options.port, 'portail', 'PORTAL_PORT');
  return { url: `http://localhost:${port}`, stop: () => closeServer(server) };
}

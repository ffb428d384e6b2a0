import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesLocal from 'aws-ses-v2-local';
import { closeServer, listen } from './ports.ts';

const SEND_ACTIONS = new Set(['SendEmail', 'SendRawEmail']);

/** Fault injection for tests: the next `remaining` sends (or all, when `always`) fail with `code`. */
interface FaultPlan {
  remaining: number;
  always: boolean;
  code: string;
  status: number;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const sesError = (code: string) =>
  `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>Injected fault</Message></Error><RequestId>local</RequestId></ErrorResponse>`;

const SEND_QUOTA = `<GetSendQuotaResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><GetSendQuotaResult><SentLast24Hours>0</SentLast24Hours><Max24HourSend>200</Max24HourSend><MaxSendRate>1</MaxSendRate></GetSendQuotaResult><ResponseMetadata><RequestId>local</RequestId></ResponseMetadata></GetSendQuotaResponse>`;

/**
 * aws-ses-v2-local (mail store, `GET /store`, web viewer at `/`) behind a small front that adds
 * what it lacks: GetSendQuota (health probe) and fault injection (`POST /__faults`, JSON
 * `{ "failures": 2 }` or `{ "always": true }`, `DELETE /__faults` to clear), for retry tests.
 */
export async function startSes(options: { port: number }) {
  // CommonJS with `exports.default`: Node gives the exports object, some loaders the function.
  const startInner = (
    typeof sesLocal === 'function' ? sesLocal : sesLocal.default
  ) as typeof sesLocal.default;
  const inner: Server = await startInner({ host: '127.0.0.1', port: 0 });
  const innerPort = (inner.address() as AddressInfo).port;
  let faults: FaultPlan | undefined;
  let sendAttempts = 0;

  const front = createServer(async (req, res) => {
    const body = await readBody(req);
    if (req.url === '/__faults') {
      if (req.method === 'DELETE') faults = undefined;
      if (req.method === 'POST') {
        const plan = JSON.parse(body.toString('utf8') || '{}') as Partial<FaultPlan> & { failures?: number };
        faults = {
          remaining: plan.failures ?? 0,
          always: plan.always ?? false,
          code: plan.code ?? 'ServiceUnavailable',
          status: plan.status ?? 503,
        };
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ faults, sendAttempts }));
      return;
    }
    if (req.method === 'POST' && req.url === '/') {
      const action = new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
      if (action === 'GetSendQuota') {
        res.writeHead(200, { 'content-type': 'text/xml' }).end(SEND_QUOTA);
        return;
      }
      if (SEND_ACTIONS.has(action)) {
        sendAttempts += 1;
        if (faults && (faults.always || faults.remaining > 0)) {
          faults.remaining -= 1;
          res.writeHead(faults.status, { 'content-type': 'text/xml' }).end(sesError(faults.code));
          return;
        }
      }
    }
    const upstream = request(
      { host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(body);
  });

  const port = await listen(front, options.port, 'SES', 'LOCAL_SES_PORT');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      await closeServer(front);
      await closeServer(inner);
    },
  };
}

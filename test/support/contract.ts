import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

/**
 * Every response a test receives is checked against the published OpenAPI document
 * (`GET /openapi.json`) by ajv, a JSON Schema 2020-12 validator independent of the zod schemas
 * the document is generated from: its status must be declared for the operation, its media type
 * and body must match. A drift throws, so the test that made the request fails.
 */
interface MediaTypeObject {
  schema?: object;
}
interface OperationObject {
  operationId: string;
  responses: Record<
    string,
    { content?: Record<string, MediaTypeObject>; headers?: Record<string, { required?: boolean }> }
  >;
}
interface Document {
  paths: Record<string, Record<string, OperationObject>>;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Literal segments first, so `/steps/bank` wins over `/steps/{step}`. */
  parameters: number;
  operation: OperationObject;
}

export type ContractCheck = (
  method: string,
  url: string,
  status: number,
  headers: Headers,
  body: unknown,
) => void;

const ajv = new Ajv2020({ allErrors: true, strict: true });
// A CommonJS module: its default export is under `default` once imported from ESM.
formats.default(ajv);

function operationsOf(document: Document): Operation[] {
  return Object.entries(document.paths)
    .flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        parameters: (template.match(/\{/g) ?? []).length,
        operation,
      })),
    )
    .sort((a, b) => a.parameters - b.parameters);
}

const mediaTypeOf = (contentType: string | null) => contentType?.split(';')[0]?.trim().toLowerCase() ?? '';

const isGatewayMessage = (body: unknown) =>
  typeof body === 'object' && body !== null && Object.keys(body).join() === 'message';

/** The contract check of one document; validators are compiled once per (operation, status, media type). */
export function contractCheck(document: Document): ContractCheck {
  const operations = operationsOf(document);
  const validators = new Map<string, ValidateFunction>();
  return (method, url, status, headers, body) => {
    const path = new URL(url).pathname;
    const found = operations.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    // Unknown paths and methods are answered by the gateway's `$default` route, and a function
    // that times out or crashes by the gateway itself (502, 504, or 500 with API Gateway's own
    // `{"message":"Internal Server Error"}`): outside the document.
    const gatewayOwn = status === 502 || status === 504 || (status === 500 && isGatewayMessage(body));
    if (!found || gatewayOwn) return;
    const where = `${method} ${path} (${found.operation.operationId}) → ${status}`;
    const response = found.operation.responses[String(status)];
    if (!response) throw new Error(`Contract: ${where} is not a declared status`);
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required && !headers.has(name)) throw new Error(`Contract: ${where} lacks header ${name}`);
    }
    const mediaType = mediaTypeOf(headers.get('content-type'));
    if (!response.content) {
      if (mediaType !== '') throw new Error(`Contract: ${where} declares no body but got ${mediaType}`);
      return;
    }
    const declared = response.content[mediaType];
    if (!declared) {
      throw new Error(
        `Contract: ${where} sent ${mediaType || 'no body'}, declared ${Object.keys(response.content).join(', ')}`,
      );
    }
    if (!declared.schema) return;
    const key = `${found.method} ${found.template} ${status} ${mediaType}`;
    const validate = validators.get(key) ?? ajv.compile(declared.schema);
    validators.set(key, validate);
    if (!validate(body)) {
      throw new Error(`Contract: ${where} body breaks the document: ${ajv.errorsText(validate.errors)}`);
    }
  };
}

const published = new Map<string, Promise<ContractCheck>>();

/** The check of the document an API serves at `/openapi.json`, fetched once per base URL. */
export function publishedContract(baseUrl: string): Promise<ContractCheck> {
  let check = published.get(baseUrl);
  if (!check) {
    check = fetch(`${baseUrl}/openapi.json`)
      .then((response) => response.json())
      .then((document) => contractCheck(document as Document));
    published.set(baseUrl, check);
  }
  return check;
}

import * as z from 'zod/mini';
import { DRAFT_TOKEN_HEADER, honoursIdempotencyKey } from './routes/access.ts';
import { declaredResponses } from './routes/responses.ts';
import type { ResponseDefinition, RouteDefinition } from './routes/types.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(schema: z.ZodMiniType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

const SECURITY: Record<RouteDefinition['access'], Record<string, string[]>[]> = {
  public: [],
  draft: [{ draftToken: [] }],
  operator: [{ session: [] }],
  instructor: [{ session: [] }],
  account: [{ session: [] }],
};

function responseObject(response: ResponseDefinition) {
  const mediaType = response.mediaType ?? 'application/json';
  return {
    description: response.description,
    ...(response.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(response.headers).map(([name, header]) => [
              name,
              { description: header.description, required: header.required, schema: { type: 'string' } },
            ]),
          ),
        }
      : {}),
    ...(response.schema
      ? { content: { [mediaType]: { schema: toSchema(response.schema, 'output') } } }
      : response.mediaType
        ? { content: { [mediaType]: {} } }
        : {}),
  };
}

function operation(route: RouteDefinition) {
  const headerParameters = Object.entries(route.request?.headers ?? {}).map(([name, header]) => ({
    name,
    in: 'header',
    required: header.required,
    description: header.description,
    schema: { type: 'string' },
  }));
  return {
    operationId: route.id,
    summary: route.summary,
    tags: route.tags,
    'x-access': route.access,
    security: SECURITY[route.access],
    parameters: [
      ...parameters(route.request?.params, 'path'),
      ...parameters(route.request?.query, 'query'),
      ...headerParameters,
      ...(honoursIdempotencyKey(route)
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'Rejoue la même réponse pour une requête répétée (8 à 128 caractères).',
              schema: { type: 'string' },
            },
          ]
        : []),
    ],
    ...(route.request?.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.request.body, 'input') } },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(declaredResponses(route)).map(([status, response]) => [
        status,
        responseObject(response),
      ]),
    ),
  };
}

export interface ServerEntry {
  url: string;
  description: string;
}

/** OpenAPI 3.1 document generated from the route table's zod schemas. */
export function buildOpenApiDocument(
  routes: readonly RouteDefinition[],
  { servers, contactEmail }: { servers: ServerEntry[]; contactEmail: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portail Ségur Numérique — Opérateurs MSS',
      version: '1.0.0',
      contact: { name: 'Assistance du portail Ségur Numérique', email: contactEmail },
      license: { name: 'Licence Ouverte 2.0 (Etalab)', identifier: 'etalab-2.0' },
      description:
        "API du portail de financement Ségur Numérique pour les opérateurs de messagerie sécurisée de santé (MSS) : enrôlement, comptes, instruction par l'ASP, demande d'avance et de solde.",
    },
    servers,
    components: {
      securitySchemes: {
        session: {
          type: 'http',
          scheme: 'bearer',
          description: 'Jeton de session obtenu par POST /v1/sessions.',
        },
        draftToken: {
          type: 'apiKey',
          in: 'header',
          name: DRAFT_TOKEN_HEADER,
          description: "Jeton du brouillon d'enrôlement, remis à sa création.",
        },
      },
    },
    paths,
  };
}

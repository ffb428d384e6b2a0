import type * as z from 'zod/mini';
import type { AuthContext } from '../auth-context.ts';
import type { Permissions } from '../permissions.ts';

export type { AuthContext, Permissions };

/**
 * Who may call a route:
 * - `public`: anyone (enrolment start, captcha, recovery);
 * - `draft`: the holder of an enrolment draft token (capability checked by the use case);
 * - `operator` / `instructor`: a logged-in account of that role, checked by the Lambda authorizer;
 * - `account`: any logged-in account (logout, password change, /me).
 */
export type Access = 'public' | 'draft' | 'operator' | 'instructor' | 'account';

/** Access levels the Lambda authorizer runs for (a session is required). */
const PROTECTED_ACCESS: ReadonlySet<Access> = new Set(['operator', 'instructor', 'account']);
export const isProtected = (access: Access): boolean => PROTECTED_ACCESS.has(access);

/**
 * External services whose production adapter CDK configures for the functions that declare them:
 * `captcha` (CaptchEtat, its secret read at run time), `companyDirectory` (API Recherche
 * d'entreprises). Offline, both use local fixtures.
 */
export type Adapter = 'captcha' | 'companyDirectory';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseDefinition {
  description: string;
  schema?: z.ZodMiniType;
  /** Default `application/json`; problems are `application/problem+json`, PDFs `application/pdf`, the captcha's sound `audio/wav`. */
  mediaType?: 'application/json' | 'application/problem+json' | 'application/pdf' | 'audio/wav';
  /** Response headers documented, e.g. `Location` on 201. */
  headers?: Record<string, { description: string; required: boolean }>;
}

export interface RouteDefinition {
  /** Stable id: OpenAPI operationId and the Lambda's logical name. */
  id: string;
  method: HttpMethod;
  /** API Gateway style path, parameters in braces: `/v1/enrolments/{id}`. */
  path: string;
  access: Access;
  summary: string;
  tags: string[];
  request?: {
    params?: z.ZodMiniType;
    query?: z.ZodMiniType;
    body?: z.ZodMiniType;
    /** Extra headers documented (and read) by the route, e.g. the draft token. */
    headers?: Record<string, { description: string; required: boolean }>;
  };
  responses: Record<number, ResponseDefinition>;
  permissions?: Permissions;
  /** External services the handler calls (see {@link Adapter}). */
  adapters?: readonly Adapter[];
  /** Allowed while a temporary password must still be changed (first login). */
  allowedBeforePasswordChange?: boolean;
  /** Writes: honour the `Idempotency-Key` header (default true for POST/PUT/PATCH/DELETE). */
  idempotency?: boolean;
  memoryMb?: number;
  timeoutSeconds?: number;
  /** Reserved concurrency on AWS: guarantees it and caps it (a burst of this route starves no other). */
  reservedConcurrency?: number;
}

/** Keeps the literal types of a route (its schemas) while checking its shape. */
export const defineRoute = <const R extends RouteDefinition>(route: R): R => route;

type Infer<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

export interface RouteInput<R extends RouteDefinition> {
  params: Infer<NonNullable<R['request']>['params']>;
  query: Infer<NonNullable<R['request']>['query']>;
  body: Infer<NonNullable<R['request']>['body']>;
  headers: Record<string, string | undefined>;
  /** Present on `operator`, `instructor` and `account` routes. */
  auth: R['access'] extends 'operator' | 'instructor' | 'account' ? AuthContext : AuthContext | undefined;
  requestId: string;
  sourceIp: string;
}

/** What a route's own access check (`grant`) sees: it runs before the query and body are read. */
export type GrantInput<R extends RouteDefinition> = Pick<RouteInput<R>, 'params' | 'headers'>;

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

import type { FieldError } from '../errors.ts';

/**
 * RFC 9457 problem details. Every error a client sees is one of these: a stable machine `code`,
 * a French `detail` a front end can show as is, and per-field `errors[]`.
 */
export type { FieldError };

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Ressource introuvable',
  405: 'Méthode non autorisée',
  409: 'Conflit',
  410: 'Ressource expirée',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
  422: 'Données invalides',
  423: 'Compte verrouillé',
  428: 'Condition préalable requise',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: {
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(requestId?: string): ProblemBody {
    return {
      type: `urn:segur-mss:problem:${this.code}`,
      title: TITLES[this.status] ?? 'Erreur',
      status: this.status,
      code: this.code,
      detail: this.message,
      ...(this.errors && this.errors.length > 0 ? { errors: this.errors } : {}),
      ...this.extensions,
      ...(requestId ? { requestId } : {}),
    };
  }
}

export const badRequest = (code: string, detail: string, errors?: FieldError[]) =>
  new ProblemError(400, code, detail, errors ? { errors } : {});

export const invalidData = (detail: string, errors: FieldError[], code = 'validation_failed') =>
  new ProblemError(422, code, detail, { errors });

/** One invalid field, named in `errors[]` with the guide's label in the message. */
export const invalidField = (path: string, message: string, code = 'validation_failed') =>
  new ProblemError(422, code, message, { errors: [{ path, message }] });

export const notFound = (code: string, detail: string) => new ProblemError(404, code, detail);

export const conflict = (code: string, detail: string, extensions?: Record<string, unknown>) =>
  new ProblemError(409, code, detail, extensions ? { extensions } : {});

export const unauthorized = (detail = 'Vous devez vous connecter pour accéder à cette ressource.') =>
  new ProblemError(401, 'unauthorized', detail);

export const forbidden = (code = 'forbidden', detail = "Vous n'avez pas accès à cette ressource.") =>
  new ProblemError(403, code, detail);

/** A problem+json answer of the API (RFC 9457), as the route table's schemas describe it. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly detail: string;
  /** Field path (e.g. `representative.email`, `documents.kbis`) → French message. */
  readonly fields: Record<string, string>;

  constructor(status: number, body: ProblemBody | undefined) {
    const detail =
      body?.detail ?? body?.title ?? 'Le service est momentanément indisponible. Réessayez plus tard.';
    super(detail);
    this.status = status;
    this.detail = detail;
    this.fields = {};
    // Paths name the request part first (`body.siret`); the forms name their fields without it.
    for (const error of body?.errors ?? [])
      this.fields[error.path.replace(/^(body|query|params)\./, '')] ??= error.message;
  }
}

/** Turns an openapi-fetch result into its data, or throws the API's problem (for TanStack Query). */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok)
    throw new ApiProblem(result.response.status, result.error as ProblemBody | undefined);
  return result.data as T;
}

/** The field errors of a failed mutation, or none. */
export const fieldErrorsOf = (error: unknown): Record<string, string> =>
  error instanceof ApiProblem ? error.fields : {};

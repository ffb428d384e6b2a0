/** CORS contract of the API, applied by the local gateway and by the HTTP API on AWS. */
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-draft-token'];
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'idempotency-replayed', 'retry-after'];
export const CORS_MAX_AGE_SECONDS = 600;

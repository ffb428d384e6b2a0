import { logger } from '../../logger.ts';
import type { declaredResponses } from '../../routes/responses.ts';
import type { RouteResult } from '../../routes/types.ts';
import { internalError } from './problems.ts';

/**
 * The contract holds on the wire: a status the route does not declare, or a body its (closed)
 * schema refuses — an undeclared member above all — is never sent; the client gets a 500 and the
 * log names the route and the offending paths (never the values).
 */
export function conformingResult(
  responses: ReturnType<typeof declaredResponses>,
  result: RouteResult,
  requestId: string,
): RouteResult {
  const declared = responses[result.status];
  const issues = !declared
    ? [{ path: [], code: 'undeclared_status' }]
    : declared.schema && !(result.body instanceof Uint8Array)
      ? (declared.schema.safeParse(result.body).error?.issues ?? [])
      : [];
  if (issues.length === 0) return result;
  logger.error('Response breaks the contract', {
    status: result.status,
    // Member names only (an unknown key is a field name), never values.
    issues: issues.map(
      (issue) =>
        `${issue.code} at ${issue.path.join('.')}${'keys' in issue ? ` (${issue.keys.join(', ')})` : ''}`,
    ),
  });
  return { status: 500, body: internalError().toBody(requestId) };
}

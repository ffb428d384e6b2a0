import { logger } from '../../logger.ts';
import { declaredResponses } from '../../routes/responses.ts';
import type { RouteDefinition, RouteResult } from '../../routes/types.ts';
import { internalError } from './problems.ts';
import type { HttpMiddleware } from './types.ts';

/**
 * Middleware: the contract holds on the wire. A status the route does not declare, or a body its
 * (closed) schema refuses — an undeclared member above all — is never sent; the client gets a 500
 * and the log names the route and the offending paths (never the values).
 */
export function responseContract(route: RouteDefinition): HttpMiddleware {
  const responses = declaredResponses(route);
  const check: HttpMiddleware['after'] = (request) => {
    const result = request.response as RouteResult;
    const declared = responses[result.status];
    const issues = !declared
      ? [{ path: [], code: 'undeclared_status' }]
      : declared.schema && !(result.body instanceof Uint8Array)
        ? (declared.schema.safeParse(result.body).error?.issues ?? [])
        : [];
    if (issues.length === 0) return;
    logger.error('Response breaks the contract', {
      status: result.status,
      // Member names only (an unknown key is a field name), never values.
      issues: issues.map(
        (issue) =>
          `${issue.code} at ${issue.path.join('.')}${'keys' in issue ? ` (${issue.keys.join(', ')})` : ''}`,
      ),
    });
    request.response = { status: 500, body: internalError().toBody(request.context.route.requestId) };
  };
  return { after: check, onError: check };
}

import { ProblemError } from './problem.ts';

/** Matcher of an API Gateway path template (`/v1/enrolments/{id}`), capturing its parameters. */
export function pathPattern(template: string): { pattern: RegExp; parameterNames: string[] } {
  const parameterNames: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)\}$/.exec(segment);
      if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      parameterNames.push(match[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), parameterNames };
}

/**
 * The problem for a request no route matches, the same from the local gateway and on AWS (the
 * HTTP API's `$default` route): 405 when the path exists with other methods, 404 otherwise.
 */
export const unmatchedRouteProblem = (method: string, path: string, pathExists: boolean) =>
  pathExists
    ? new ProblemError(405, 'method_not_allowed', `La méthode ${method} n'est pas autorisée sur ${path}.`)
    : new ProblemError(404, 'route_not_found', `Aucune ressource ne correspond à ${path}.`);

import type { AuthContext, RouteDefinition, RouteInput } from '../../routes/types.ts';
import { forbidden, unauthorized } from '../problem.ts';
import type { HttpEvent, HttpMiddleware } from './types.ts';

function authorize(route: RouteDefinition, event: HttpEvent): AuthContext | undefined {
  const claims = event.requestContext.authorizer?.lambda;
  const auth =
    claims?.accountId && claims.role
      ? {
          accountId: claims.accountId,
          role: claims.role,
          passwordChangeRequired: String(claims.passwordChangeRequired) === 'true',
          ...(claims.siret ? { siret: claims.siret } : {}),
          ...(claims.lastLoginAt ? { lastLoginAt: claims.lastLoginAt } : {}),
        }
      : undefined;
  if (route.access === 'public' || route.access === 'draft') return auth;
  if (!auth) throw unauthorized();
  if (route.access !== 'account' && auth.role !== route.access) {
    throw forbidden('role_forbidden', "Votre profil ne permet pas d'accéder à cette ressource.");
  }
  if (auth.passwordChangeRequired && !route.allowedBeforePasswordChange) {
    throw forbidden(
      'password_change_required',
      'Vous devez changer votre mot de passe et définir votre question secrète avant de continuer.',
    );
  }
  return auth;
}

/** Middleware: the session the authorizer vouched for, checked against the route's access (first of all). */
export const sessionAccess = (route: RouteDefinition): HttpMiddleware => ({
  before: (request) => {
    request.context.route.auth = authorize(route, request.event);
  },
});

/**
 * Middleware: the access check a route needs beyond the session (a draft route's token), on the
 * validated input, before anything else is done — an idempotent replay included.
 */
export const routeGrant = <R extends RouteDefinition>(
  grant: (input: RouteInput<R>) => Promise<unknown>,
): HttpMiddleware => ({
  before: async (request) => {
    const { route } = request.context;
    route.granted = await grant(route.input as RouteInput<R>);
  },
});

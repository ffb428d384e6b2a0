import type { AuthContext, RouteDefinition } from '../../routes/types.ts';
import { forbidden, unauthorized } from '../problem.ts';
import type { HttpEvent } from './types.ts';

/**
 * The session the authorizer vouched for, checked against the route's access (401/403): the first
 * check of every request, before anything is read.
 */
export function authorize(route: RouteDefinition, event: HttpEvent): AuthContext | undefined {
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

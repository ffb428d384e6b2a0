import { tabStorageItem } from '../components/tabStorage.ts';

/**
 * The login session. Its token is kept in sessionStorage (this tab only, gone when it closes),
 * never in a URL or a cookie readable by another site; the API expires it after 30 min idle.
 */
export interface PortalSession {
  token: string;
  role: 'operator' | 'instructor';
  pendingSteps: ('password' | 'secretQuestion')[];
  identifier: string;
}

const stored = tabStorageItem<PortalSession>('segur-mss.session');
export const readSession = stored.read;
export const saveSession = stored.save;
export const clearSession = stored.remove;

/**
 * Where a logged-in user goes next: the first-login screens still pending, else the private area
 * (the back office for an ASP instructor).
 */
export function nextPageAfterLogin(session: PortalSession): string {
  if (session.pendingSteps.includes('password')) return '/premiere-connexion/mot-de-passe';
  if (session.pendingSteps.includes('secretQuestion')) return '/premiere-connexion/question-secrete';
  return session.role === 'instructor' ? '/instruction' : '/espace';
}

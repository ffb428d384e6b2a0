import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { nextPageAfterLogin, readSession } from './session.ts';

/** Private pages: without a finished login, back to the login page (or the first-login step due). */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = readSession();
  if (!session) return <Navigate to="/connexion" replace />;
  if (session.pendingSteps.length > 0) return <Navigate to={nextPageAfterLogin(session)} replace />;
  return children;
}

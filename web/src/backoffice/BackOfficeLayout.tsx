import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, Navigate, Outlet } from 'react-router';
import { nextPageAfterLogin, readSession } from '../auth/session.ts';
import { usePageTitle } from '../components/usePageTitle.ts';

/**
 * The back office's frame: ASP instructors only. An operator's session gets a clear refusal
 * (the API refuses it too: every /v1/admin route is `instructor` only).
 */
export default function BackOfficeLayout() {
  const session = readSession();
  if (!session) return <Navigate to="/connexion" replace />;
  if (session.pendingSteps.length > 0) return <Navigate to={nextPageAfterLogin(session)} replace />;
  if (session.role !== 'instructor') return <Refused />;
  return <Outlet />;
}

function Refused() {
  usePageTitle('Accès réservé aux instructeurs');
  return (
    <>
      <h1>Accès réservé aux instructeurs de l'ASP</h1>
      <Alert
        className="fr-mb-3w"
        severity="error"
        title="Vous n'avez pas accès à cet espace"
        description="L'instruction des demandes est réservée aux instructeurs de l'Agence de Services et de Paiement. Vous êtes connecté avec un compte opérateur."
      />
      <Link className="fr-link" to="/espace">
        Retourner à mon espace personnel
      </Link>
    </>
  );
}

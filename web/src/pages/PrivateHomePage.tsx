import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { RequireSession } from '../auth/RequireSession.tsx';
import { useMe } from '../auth/useMe.ts';
import { frenchDate } from '../components/dates.ts';
import { usePageTitle } from '../components/usePageTitle.ts';

/** "Page d'accueil du portail" once logged in (guide, step 13). */
export default function PrivateHomePage() {
  usePageTitle('Accueil de mon espace');
  return (
    <RequireSession>
      <PrivateHome />
    </RequireSession>
  );
}

function PrivateHome() {
  const me = useMe().data;
  return (
    <>
      <h1>Bienvenue sur votre espace personnel</h1>
      {me && (
        <p>
          {me.operator?.denominationSociale ?? me.account.identifier}
          {me.operator && ` — SIRET ${me.operator.siret}`}
          {me.account.lastLoginAt && ` — dernière connexion le ${frenchDate(me.account.lastLoginAt)}`}
        </p>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Suivi des demandes d'enrôlement"
            linkProps={{ to: '/espace/enrolements' }}
            titleAs="h2"
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Tile title="Ma demande de financement" linkProps={{ to: '/financement' }} titleAs="h2" />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Tile title="Mon compte" linkProps={{ to: '/mon-compte' }} titleAs="h2" />
        </div>
      </div>
    </>
  );
}

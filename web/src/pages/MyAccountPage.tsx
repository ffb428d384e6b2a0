import { Button } from '@codegouvfr/react-dsfr/Button';
import { RequireSession } from '../auth/RequireSession.tsx';
import { useMe } from '../auth/useMe.ts';
import { frenchDate } from '../components/dates.ts';
import { usePageTitle } from '../components/usePageTitle.ts';

/** "Mon compte": identity of the account and its operator. */
export default function MyAccountPage() {
  usePageTitle('Mon compte');
  return (
    <RequireSession>
      <MyAccount />
    </RequireSession>
  );
}

function MyAccount() {
  const me = useMe().data;
  if (!me) return <h1>Mon compte</h1>;
  const rows: [string, string | null | undefined][] = [
    ['Identifiant', me.account.identifier],
    ['Adresse électronique', me.account.email],
    ['Question secrète', me.account.secretQuestion],
    ['Compte créé le', frenchDate(me.account.createdAt)],
    ['SIRET', me.operator?.siret],
    ['Dénomination sociale', me.operator?.denominationSociale],
    ['N° unique de référencement (ANS)', me.operator?.referencingNumber],
  ];
  return (
    <>
      <h1>Mon compte</h1>
      <dl>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="fr-mb-2w">
              <dt className="fr-text--bold">{label}</dt>
              <dd className="fr-ml-0">{value}</dd>
            </div>
          ))}
      </dl>
      <Button priority="secondary" linkProps={{ to: '/premiere-connexion/mot-de-passe' }}>
        Changer mon mot de passe
      </Button>
    </>
  );
}

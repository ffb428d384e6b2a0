import { StaticPage } from './StaticPage.tsx';

export default function TermsPage() {
  return (
    <StaticPage title="Conditions générales d'utilisation (CGU)">
      <p>
        Le portail permet aux opérateurs de messagerie sécurisée de santé référencés Ségur de s'inscrire et de
        déposer leurs demandes de financement. L'utilisateur certifie l'exactitude des informations saisies ;
        les dispositions de l'article 441-7 du code pénal s'appliquent aux attestations inexactes.
      </p>
      <p>Les identifiants de connexion sont personnels et ne doivent pas être communiqués.</p>
    </StaticPage>
  );
}

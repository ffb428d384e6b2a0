import { StaticPage } from './StaticPage.tsx';

export default function LegalNoticePage() {
  return (
    <StaticPage title="Mentions légales">
      <h2>Éditeur</h2>
      <p>
        Agence de Services et de Paiement (ASP), pour le compte du ministère des Solidarités et de la Santé.
      </p>
      <h2>Données personnelles</h2>
      <p>
        Les données saisies servent à instruire votre demande d'enrôlement et vos demandes de financement au
        titre du Ségur du numérique en santé. Les mots de passe et les réponses aux questions secrètes ne sont
        jamais conservés en clair.
      </p>
    </StaticPage>
  );
}

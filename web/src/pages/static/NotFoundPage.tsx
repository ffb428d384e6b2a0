import { Link } from 'react-router';
import { StaticPage } from './StaticPage.tsx';

export default function NotFoundPage() {
  return (
    <StaticPage title="Page non trouvée">
      <p>La page que vous cherchez est introuvable.</p>
      <Link to="/">Retour à l'accueil</Link>
    </StaticPage>
  );
}

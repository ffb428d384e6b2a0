import { Link } from 'react-router';
import { StaticPage } from './StaticPage.tsx';

const PAGES = [
  ['/', 'Accueil'],
  ['/connexion', 'Se connecter'],
  ['/enrolement', "Effectuer ma demande d'inscription"],
  ['/identifiant-oublie', "J'ai oublié mon identifiant"],
  ['/mot-de-passe-oublie', "J'ai oublié mon mot de passe"],
  ['/espace', 'Espace personnel'],
  ['/espace/enrolements', "Suivi des demandes d'enrôlement"],
  ['/financement', 'Ma demande de financement'],
  ['/mon-compte', 'Mon compte'],
  ['/aide', "Besoin d'aide ?"],
  ['/accessibilite', 'Accessibilité'],
  ['/mentions-legales', 'Mentions légales'],
  ['/cgu', 'CGU'],
] as const;

export default function SiteMapPage() {
  return (
    <StaticPage title="Plan du site">
      <ul>
        {PAGES.map(([to, label]) => (
          <li key={to}>
            <Link to={to}>{label}</Link>
          </li>
        ))}
      </ul>
    </StaticPage>
  );
}

import { StaticPage } from './StaticPage.tsx';

export default function AccessibilityPage() {
  return (
    <StaticPage title="Accessibilité">
      <p>
        <strong>Déclaration d'accessibilité.</strong> Le portail Ségur Numérique est partiellement conforme au
        référentiel général d'amélioration de l'accessibilité (RGAA 4.1) : aucun audit complet n'a encore été
        réalisé.
      </p>
      <p>
        Chaque page est vérifiée automatiquement (axe-core, WCAG 2.1 AA) et la demande d'enrôlement peut être
        effectuée au clavier seul.
      </p>
      <h2>Retour d'information et contact</h2>
      <p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'assistance de l'ASP.</p>
    </StaticPage>
  );
}

import { StaticPage } from './StaticPage.tsx';

/** The ASP support's contact page, as the guide gives it. */
const ASP_SUPPORT_URL = 'https://segurnum.asp-public.fr/segurnum/contacter-assistance';

export default function HelpPage() {
  return (
    <StaticPage title="Besoin d'aide ?">
      <h2 id="questions">Questions fréquentes</h2>
      <h3 className="fr-h6">Qui peut s'inscrire ?</h3>
      <p>
        L'utilisation du portail requiert d'être opérateur d'une solution de messagerie sécurisée de santé
        référencée Ségur auprès de l'Agence du Numérique en Santé (ANS), directement (opérateur développeur)
        ou via votre opérateur développeur (opérateur acheteur).
      </p>
      <h3 className="fr-h6">Quels fichiers puis-je joindre ?</h3>
      <p>Fichier de type .png, .jpg, .jpeg ou .pdf. Taille maximum : 4 Mo.</p>
      <h2 id="assistance">Contacter l'assistance</h2>
      <p>
        Pour toute question supplémentaire sur l'utilisation du portail, vous pouvez contacter le support de
        l'ASP via le lien suivant :{' '}
        <a
          className="fr-link"
          href={ASP_SUPPORT_URL}
          target="_blank"
          rel="noopener"
          title="Contacter l'assistance de l'ASP - nouvelle fenêtre"
        >
          {ASP_SUPPORT_URL}
        </a>
        . Rappelez le numéro de votre demande (ENR…) ou de votre dossier (FINMSS…).
      </p>
    </StaticPage>
  );
}

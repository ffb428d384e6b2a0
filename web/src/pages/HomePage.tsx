import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.ts';

/** Portail public: the guide's home page (step 2 and 9). */
export function HomePage() {
  usePageTitle('Accueil');
  const loggedOut = (useLocation().state as { loggedOut?: boolean } | null)?.loggedOut;
  return (
    <>
      {loggedOut && (
        <Alert className="fr-mb-4w" severity="success" small description="Vous êtes déconnecté." />
      )}
      <h1>Portail Ségur Numérique</h1>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-6w">
        <div className="fr-col-12 fr-col-md-4">
          <div className="fr-card fr-p-3w">
            <h2 className="fr-h5">Demande d'inscription</h2>
            <Button linkProps={{ to: '/connexion' }} iconId="fr-icon-lock-line">
              Se connecter
            </Button>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <div className="fr-card fr-p-3w">
            <h2 className="fr-h5">Vous n'avez pas de compte ?</h2>
            <Button linkProps={{ to: '/enrolement' }} priority="secondary">
              Effectuer ma demande d'inscription
            </Button>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <div className="fr-card fr-p-3w">
            <h2 className="fr-h5">Besoin d'aide ?</h2>
            <ul className="fr-links-group">
              <li>
                <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-left" to="/aide#questions">
                  Consulter les questions fréquentes
                </Link>
              </li>
              <li>
                <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-left" to="/aide#assistance">
                  Contacter l'assistance
                </Link>
              </li>
            </ul>
          </div>
        </div>
      </div>
      <h2>Qu'est-ce que le Ségur du numérique en santé ?</h2>
      <p>
        De mai à juillet 2020, le Ségur de la santé a réuni l'ensemble des acteurs du système de soin. En plus
        des moyens dédiés à la revalorisation des métiers, un plan massif d'investissement de 6 milliards
        d'euros est lancé, dont{' '}
        <strong>
          deux milliards d'euros accordés pour soutenir le développement massif et cohérent du numérique en
          santé
        </strong>{' '}
        en France.
      </p>
      <p>
        Cet investissement historique vise à accélérer la modernisation, l'interopérabilité, la réversibilité,
        la convergence et la sécurité des systèmes d'information en santé. L'ambition est de généraliser le
        partage fluide et sécurisé des données de santé entre professionnels et usagers, pour mieux prévenir
        et mieux soigner.
      </p>
      <h2>Qu'est-ce que le financement à l'équipement numérique des acteurs de l'offre de soins ?</h2>
      <p>
        Dans le cadre du Ségur du Numérique en santé, l'Etat met en place un mécanisme d'achat pour compte au
        bénéfice des acteurs de l'offre de soins, sous la forme d'un système ouvert et non sélectif (SONS) de
        référencement et de financement d'éditeurs de solutions logicielles. Seules les solutions référencées
        par l'Agence du numérique en santé seront éligibles à ce financement.
      </p>
    </>
  );
}

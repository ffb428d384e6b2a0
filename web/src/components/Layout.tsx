import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api, SESSION_EXPIRED_EVENT } from '../api/client.ts';
import { clearSession, readSession } from '../auth/session.ts';
import { useOperatorName } from '../auth/useMe.ts';
import { INSTRUCTOR_NAVIGATION } from '../backoffice/navigation.ts';

const brandTop = (
  <>
    Ministère
    <br />
    des Solidarités
    <br />
    et de la Santé
  </>
);

const PRIVATE_NAVIGATION = [
  { text: 'Accueil', to: '/espace', exact: true },
  { text: 'Enrôlement', to: '/espace/enrolements' },
  { text: 'Demande de financement', to: '/financement' },
  { text: 'Mon compte', to: '/mon-compte' },
  { text: 'Besoin d’aide ?', to: '/aide' },
] as const;

/** The DSFR frame of every page: header (Marianne block, service name), main, footer. */
export function Layout() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [session, setSession] = useState(readSession);
  // Re-read at each navigation: login and logout change the stored session.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location is the trigger
  useEffect(() => setSession(readSession()), [location.pathname]);
  useEffect(() => {
    const onExpired = () => {
      queryClient.clear();
      navigate('/connexion', { state: { expired: true } });
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, onExpired);
  }, [navigate, queryClient]);
  useEffect(() => {
    document.getElementById('contenu')?.focus({ preventScroll: true });
  }, []);

  const loggedIn = session !== undefined && session.pendingSteps.length === 0;
  const instructor = session?.role === 'instructor';
  const operatorName = useOperatorName(loggedIn);
  const logout = async () => {
    await api.DELETE('/v1/sessions/current');
    clearSession();
    queryClient.clear();
    navigate('/', { state: { loggedOut: true } });
  };

  return (
    <>
      <Header
        brandTop={brandTop}
        serviceTitle="Portail Ségur Numérique"
        serviceTagline="Financement des opérateurs de messagerie sécurisée de santé (MSS)"
        homeLinkProps={{
          to: loggedIn ? (instructor ? '/instruction' : '/espace') : '/',
          title: 'Accueil — Portail Ségur Numérique',
        }}
        quickAccessItems={
          loggedIn
            ? [
                {
                  iconId: 'fr-icon-account-circle-line',
                  text: operatorName ?? session.identifier,
                  linkProps: { to: '/mon-compte' },
                },
                {
                  iconId: 'fr-icon-logout-box-r-line',
                  text: 'Se déconnecter',
                  buttonProps: { onClick: logout },
                },
              ]
            : [{ iconId: 'fr-icon-lock-line', text: 'Se connecter', linkProps: { to: '/connexion' } }]
        }
        navigation={
          loggedIn
            ? (instructor ? INSTRUCTOR_NAVIGATION : PRIVATE_NAVIGATION).map((item) => ({
                text: item.text,
                linkProps: { to: item.to },
                isActive:
                  'exact' in item ? location.pathname === item.to : location.pathname.startsWith(item.to),
              }))
            : undefined
        }
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-6w">
        <Outlet />
      </main>
      <Footer
        accessibility="partially compliant"
        contentDescription="Le portail de l’Agence de Services et de Paiement (ASP) pour l’enrôlement et les demandes de financement des opérateurs de messagerie sécurisée de santé référencés Ségur par l’Agence du Numérique en Santé."
        websiteMapLinkProps={{ to: '/plan-du-site' }}
        accessibilityLinkProps={{ to: '/accessibilite' }}
        termsLinkProps={{ to: '/mentions-legales' }}
        bottomItems={[{ text: 'CGU', linkProps: { to: '/cgu' } }]}
        domains={['legifrance.gouv.fr', 'gouvernement.fr', 'service-public.fr', 'data.gouv.fr']}
      />
    </>
  );
}

import { createBrowserRouter, type RouteObject } from 'react-router';
import { backOfficeRoutes } from './backoffice/routes.ts';
import { Layout } from './components/Layout.tsx';
import { HomePage } from './pages/HomePage.tsx';

/** A route whose page is its own chunk, loaded on first visit (keeps the entry chunk small). */
const page = (load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'connexion', ...page(() => import('./pages/LoginPage.tsx')) },
      { path: 'premiere-connexion/mot-de-passe', ...page(() => import('./pages/ChangePasswordPage.tsx')) },
      {
        path: 'premiere-connexion/question-secrete',
        ...page(() => import('./pages/SecretQuestionPage.tsx')),
      },
      { path: 'identifiant-oublie', ...page(() => import('./pages/ForgottenIdentifierPage.tsx')) },
      // Without a fragment: the request form; with `#jeton=…` (the emailed link): the reset form.
      { path: 'mot-de-passe-oublie', ...page(() => import('./pages/ForgottenPasswordPage.tsx')) },
      { path: 'enrolement', ...page(() => import('./enrolment/EnrolmentPage.tsx')) },
      { path: 'enrolement/reprise', ...page(() => import('./enrolment/ResumeEnrolmentPage.tsx')) },
      { path: 'espace', ...page(() => import('./pages/PrivateHomePage.tsx')) },
      { path: 'espace/enrolements', ...page(() => import('./pages/MyEnrolmentsPage.tsx')) },
      { path: 'financement', ...page(() => import('./funding/AdvancePage.tsx')) },
      { path: 'financement/solde', ...page(() => import('./funding/BalancePage.tsx')) },
      { path: 'financement/dossiers/:number', ...page(() => import('./funding/DossierPage.tsx')) },
      { path: 'mon-compte', ...page(() => import('./pages/MyAccountPage.tsx')) },
      { path: 'aide', ...page(() => import('./pages/static/HelpPage.tsx')) },
      { path: 'plan-du-site', ...page(() => import('./pages/static/SiteMapPage.tsx')) },
      { path: 'accessibilite', ...page(() => import('./pages/static/AccessibilityPage.tsx')) },
      { path: 'mentions-legales', ...page(() => import('./pages/static/LegalNoticePage.tsx')) },
      { path: 'cgu', ...page(() => import('./pages/static/TermsPage.tsx')) },
      // The instructors' back office: one route group, each page its own chunk.
      {
        path: 'instruction',
        ...page(() => import('./backoffice/BackOfficeLayout.tsx')),
        children: backOfficeRoutes(page),
      },
      { path: '*', ...page(() => import('./pages/static/NotFoundPage.tsx')) },
    ],
  },
]);

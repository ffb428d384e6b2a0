import type { RouteObject } from 'react-router';

type LazyPage = (load: () => Promise<{ default: React.ComponentType }>) => Pick<RouteObject, 'lazy'>;

/**
 * The back office's pages under /instruction, each its own chunk (none of them is in the operator
 * portal's entry chunk). `page` is the app's lazy-route helper (web/src/routes.tsx).
 */
export const backOfficeRoutes = (page: LazyPage): RouteObject[] => [
  { index: true, ...page(() => import('./EnrolmentsPage.tsx')) },
  { path: 'enrolements/:id', ...page(() => import('./EnrolmentFilePage.tsx')) },
  { path: 'financement', ...page(() => import('./DossiersPage.tsx')) },
  { path: 'financement/dossiers/:number', ...page(() => import('./DossierPage.tsx')) },
  { path: 'appel', ...page(() => import('./FundingCallPage.tsx')) },
];

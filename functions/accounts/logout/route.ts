import { TAGS, tableReadWrite } from '#shared/routes/accounts-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const logoutRoute = defineRoute({
  id: 'logout',
  method: 'DELETE',
  path: '/v1/sessions/current',
  access: 'account',
  summary: 'Se déconnecter : la session en cours est révoquée',
  tags: TAGS,
  responses: { 204: { description: 'Session révoquée' }, ...problemResponses(401) },
  permissions: tableReadWrite,
  allowedBeforePasswordChange: true,
  idempotency: false,
});

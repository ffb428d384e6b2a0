import createClient from 'openapi-fetch';
import { clearSession, readSession } from '../auth/session.ts';
import type { paths } from './schema.d.ts';

/** Fired when the API refuses the session token (expired, revoked): the layout sends the user to login. */
export const SESSION_EXPIRED_EVENT = 'segur:session-expired';

/**
 * The only way the portal calls the API: openapi-fetch typed by the types generated from the
 * route table's OpenAPI document. Same origin (`/v1/*`): the local portal server and CloudFront
 * both forward it to the API.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const session = readSession();
    if (session && !request.headers.has('authorization'))
      request.headers.set('authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization') && readSession()) {
      clearSession();
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    }
    return response;
  },
});

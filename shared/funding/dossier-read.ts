/** Reading a dossier by number (owner or instructor), with its documents' download links. */

import type { AuthContext } from '../auth-context.ts';
import { documentLinks } from './documents.ts';
import { dossierView } from './view.ts';
import { loadVisibleDossier } from './visible-dossier.ts';

export async function readDossier(auth: AuthContext, number: string) {
  const { dossier, children } = await loadVisibleDossier(auth, number);
  return dossierView(dossier, children, await documentLinks(dossier), {
    withIncidents: auth.role === 'instructor',
  });
}

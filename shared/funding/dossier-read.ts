/** Reading dossiers: one by number (owner or instructor), lists by status for instructors. */

import type { AuthContext } from '../auth-context.ts';
import { notFound } from '../errors.ts';
import { documentLinks } from './documents.ts';
import { type Dossier, isDossierNumber } from './dossier-model.ts';
import { loadDossierPartition } from './dossier-repository.ts';
import { dossierView } from './view.ts';

const unknownDossier = () => notFound('dossier_not_found', 'Aucun dossier ne correspond à ce numéro.');

/**
 * The dossier and its child items, for its owner or an instructor. Another operator's dossier
 * answers exactly like a missing one, so numbers cannot be probed.
 */
export async function loadVisibleDossier(auth: AuthContext, number: string) {
  if (!isDossierNumber(number)) throw unknownDossier();
  const items = await loadDossierPartition(number);
  const stored = items.find((item) => item.type === 'Dossier');
  if (!stored) throw unknownDossier();
  const { type: _type, ...data } = stored;
  const dossier = data as unknown as Dossier;
  if (auth.role !== 'instructor' && dossier.accountId !== auth.accountId) throw unknownDossier();
  return { dossier, children: items.filter((item) => item !== stored) };
}

export async function readDossier(auth: AuthContext, number: string) {
  const { dossier, children } = await loadVisibleDossier(auth, number);
  return dossierView(dossier, children, await documentLinks(dossier), {
    withIncidents: auth.role === 'instructor',
  });
}

/**
 * Which dossier a caller may see: its owner's or, for an instructor, any. Apart from
 * dossier-read.ts (the view, with its documents' links) so that a route that only checks a
 * dossier bundles no S3 client.
 */

import type { AuthContext } from '../auth-context.ts';
import { notFound } from '../errors.ts';
import { type Dossier, isDossierNumber } from './dossier-model.ts';
import { loadDossierPartition } from './dossier-repository.ts';

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

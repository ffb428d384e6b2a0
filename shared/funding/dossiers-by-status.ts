/** Instructors' list of dossiers by status (GSI1), a page at a time. */
import { displayed } from './amounts.ts';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from './dossier-model.ts';
import { listDossiersByStatus } from './dossier-repository.ts';

export async function listDossiers(status: DossierStatus, limit: number, cursor?: string) {
  const page = await listDossiersByStatus(status, limit, cursor);
  return {
    items: page.items.map((dossier) => ({
      number: dossier.number,
      status: dossier.status,
      statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
      siret: dossier.beneficiary.siret,
      denominationSociale: dossier.beneficiary.denominationSociale,
      referencingNumber: dossier.beneficiary.referencingNumber,
      depositedAt: dossier.advance.depositedAt,
      decidedAmount: displayed(dossier.balance?.decided ?? dossier.advance.decided),
    })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

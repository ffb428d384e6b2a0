import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';
import { ProblemAlert } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { dateTime, euros } from './format.ts';
import { Pager } from './Pager.tsx';
import { StatusTags } from './StatusTags.tsx';
import type { DossierStatus } from './types.ts';
import { useCursorPages } from './useCursorPages.ts';

const STATUSES = [
  ['DECIDEE', 'Avance décidée'],
  ['SOLDE_DECIDE', 'Solde décidé'],
] as const satisfies readonly (readonly [DossierStatus, string])[];

/** The funding dossiers of a status, by deposit date, paged by the API's cursor. */
export default function DossiersPage() {
  usePageTitle('Dossiers de financement');
  const [search] = useSearchParams();
  const status: DossierStatus = search.get('statut') === 'SOLDE_DECIDE' ? 'SOLDE_DECIDE' : 'DECIDEE';
  return (
    <>
      <h1>Dossiers de financement</h1>
      <StatusTags
        label="Statut des dossiers"
        statuses={STATUSES}
        current={status}
        href={(value) => `?statut=${value}`}
      />
      <DossierList key={status} status={status} />
    </>
  );
}

function DossierList({ status }: { status: DossierStatus }) {
  const pages = useCursorPages();
  const list = useQuery({
    queryKey: ['admin-dossiers', status, pages.cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/admin/dossiers', {
          params: { query: { status, limit: '20', ...(pages.cursor ? { cursor: pages.cursor } : {}) } },
        }),
      ),
  });
  const label = STATUSES.find(([value]) => value === status)?.[1] ?? '';
  return (
    <>
      <ProblemAlert error={list.error} />
      {list.data &&
        (list.data.items.length === 0 ? (
          <p>Aucun dossier.</p>
        ) : (
          <>
            <Table
              caption={`Dossiers : ${label.toLowerCase()}`}
              headers={[
                'Numéro',
                'Déposé le',
                'SIRET',
                'Dénomination sociale',
                'N° de référencement',
                'Montant décidé TTC',
                'Statut',
              ]}
              data={list.data.items.map((dossier) => [
                <Link key={dossier.number} to={`/instruction/financement/dossiers/${dossier.number}`}>
                  {dossier.number}
                </Link>,
                dateTime(dossier.depositedAt),
                dossier.siret,
                dossier.denominationSociale,
                dossier.referencingNumber,
                euros(dossier.decidedAmount.ttcCents),
                <Badge key={`${dossier.number}-status`} noIcon severity="success">
                  {dossier.statusLabel}
                </Badge>,
              ])}
            />
            <Pager pages={pages} nextCursor={list.data.cursor} label={`dossiers ${label.toLowerCase()}`} />
          </>
        ))}
    </>
  );
}

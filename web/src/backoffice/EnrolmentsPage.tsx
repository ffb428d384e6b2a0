import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { dateTime } from './format.ts';
import { Pager } from './Pager.tsx';
import { EnrolmentStatusBadge } from './StatusBadge.tsx';
import { StatusTags } from './StatusTags.tsx';
import type { QueueEntry } from './types.ts';
import { useCursorPages } from './useCursorPages.ts';

const STATUSES = [
  ['DEPOSEE', 'Déposées'],
  ['A_MODIFIER', 'À modifier'],
  ['VALIDEE', 'Validées'],
  ['REJETEE', 'Rejetées'],
] as const;
type ListedStatus = (typeof STATUSES)[number][0];

const PAGE_SIZE = 20;

/** The instructor's home: the enrolment requests of a status by submission date, and the search by SIRET. */
export default function EnrolmentsPage() {
  usePageTitle("Instruction des demandes d'enrôlement");
  const [search, setSearch] = useSearchParams();
  const status = (STATUSES.find(([value]) => value === search.get('statut'))?.[0] ??
    'DEPOSEE') as ListedStatus;
  const order = search.get('ordre') === 'desc' ? 'desc' : 'asc';
  const siret = search.get('siret') ?? '';
  const update = (changes: Record<string, string>) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      return next;
    });
  return (
    <>
      <h1>Instruction des demandes d'enrôlement</h1>
      <SiretSearch siret={siret} onSearch={(value) => update({ siret: value })} />
      {siret ? (
        <SiretResults siret={siret} onClear={() => update({ siret: '' })} />
      ) : (
        <StatusQueue
          key={`${status}-${order}`}
          status={status}
          order={order}
          onOrder={(value) => update({ ordre: value === 'desc' ? 'desc' : '' })}
        />
      )}
    </>
  );
}

function SiretSearch({ siret, onSearch }: { siret: string; onSearch: (siret: string) => void }) {
  return (
    <search aria-label="Rechercher les demandes d'un SIRET" className="fr-mb-4w">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(String(new FormData(event.currentTarget).get('siret') ?? '').replace(/\s/g, ''));
        }}
      >
        <div className="fr-grid-row fr-grid-row--bottom fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <TextField
              key={siret}
              label="Rechercher par numéro de SIRET"
              hint="14 chiffres. Le numéro de demande (ENR…) se lit dans les listes ci-dessous."
              name="siret"
              errors={{}}
              defaultValue={siret}
              inputMode="numeric"
            />
          </div>
          <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
            <Button type="submit" iconId="fr-icon-search-line">
              Rechercher
            </Button>
          </div>
        </div>
      </form>
    </search>
  );
}

function SiretResults({ siret, onClear }: { siret: string; onClear: () => void }) {
  const pages = useCursorPages();
  const results = useQuery({
    queryKey: ['admin-enrolments-by-siret', siret, pages.cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/admin/operators/{siret}/enrolments', {
          params: {
            path: { siret },
            query: { limit: String(PAGE_SIZE), ...(pages.cursor ? { cursor: pages.cursor } : {}) },
          },
        }),
      ),
  });
  // A malformed SIRET: the server's message for the field says what is expected.
  const siretError = fieldErrorsOf(results.error)['path.siret'];
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">Demandes du SIRET {siret}</h2>
      {siretError ? (
        <Alert className="fr-mb-3w" severity="error" small description={siretError} />
      ) : (
        <ProblemAlert error={results.error} />
      )}
      {results.data && (
        <>
          <QueueTable caption={`Demandes du SIRET ${siret}`} items={results.data.items} />
          <Pager pages={pages} nextCursor={results.data.cursor} label={`demandes du SIRET ${siret}`} />
        </>
      )}
      <Button className="fr-mt-2w" priority="tertiary" onClick={onClear}>
        Revenir aux listes par statut
      </Button>
    </section>
  );
}

function StatusQueue({
  status,
  order,
  onOrder,
}: {
  status: ListedStatus;
  order: 'asc' | 'desc';
  onOrder: (order: string) => void;
}) {
  const pages = useCursorPages();
  const queue = useQuery({
    queryKey: ['admin-enrolments', status, order, pages.cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/admin/enrolments', {
          params: {
            query: {
              status,
              order,
              limit: String(PAGE_SIZE),
              ...(pages.cursor ? { cursor: pages.cursor } : {}),
            },
          },
        }),
      ),
  });
  const label = STATUSES.find(([value]) => value === status)?.[1] ?? '';
  return (
    <section aria-labelledby="liste">
      <h2 id="liste">Demandes par statut</h2>
      <StatusTags
        label="Statut des demandes"
        statuses={STATUSES}
        current={status}
        href={(value) => `?statut=${value}${order === 'desc' ? '&ordre=desc' : ''}`}
      />
      <Select
        className="fr-col-md-4"
        label="Ordre"
        nativeSelectProps={{ value: order, onChange: (event) => onOrder(event.target.value) }}
      >
        <option value="asc">Date de dépôt : plus anciennes d'abord</option>
        <option value="desc">Date de dépôt : plus récentes d'abord</option>
      </Select>
      <ProblemAlert error={queue.error} />
      {queue.data && (
        <>
          <QueueTable caption={`Demandes ${label.toLowerCase()}`} items={queue.data.items} />
          <Pager pages={pages} nextCursor={queue.data.cursor} label={`demandes ${label.toLowerCase()}`} />
        </>
      )}
    </section>
  );
}

function QueueTable({ caption, items }: { caption: string; items: QueueEntry[] }) {
  if (items.length === 0) return <p>Aucune demande.</p>;
  return (
    <Table
      caption={caption}
      headers={['Numéro', 'Déposée le', 'SIRET', 'Dénomination sociale', 'N° de référencement', 'Statut']}
      data={items.map((item) => [
        <Link key={item.id} to={`/instruction/enrolements/${item.id}`}>
          {item.number}
        </Link>,
        dateTime(item.submittedAt),
        item.siret ?? '—',
        item.denominationSociale ?? '—',
        item.referencingNumber ?? '—',
        <EnrolmentStatusBadge key={`${item.id}-status`} status={item.status} label={item.statusLabel} />,
      ])}
    />
  );
}

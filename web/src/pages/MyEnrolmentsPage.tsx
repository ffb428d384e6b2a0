import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';
import { RequireSession } from '../auth/RequireSession.tsx';
import { frenchDate } from '../components/dates.ts';
import { ProblemAlert } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

/** "Suivi des demandes d'enrôlement". */
export default function MyEnrolmentsPage() {
  usePageTitle("Suivi des demandes d'enrôlement");
  return (
    <RequireSession>
      <MyEnrolments />
    </RequireSession>
  );
}

function MyEnrolments() {
  const enrolments = useQuery({
    queryKey: ['my-enrolments'],
    queryFn: async () => unwrap(await api.GET('/v1/me/enrolments', { params: { query: {} } })),
  });
  return (
    <>
      <h1>Suivi des demandes d'enrôlement</h1>
      <ProblemAlert error={enrolments.error} />
      {enrolments.data &&
        (enrolments.data.items.length === 0 ? (
          <p>Aucune demande d'enrôlement.</p>
        ) : (
          <Table
            caption="Vos demandes d'enrôlement"
            headers={['Numéro de la demande', 'Déposée le', 'Mise à jour le', 'Statut']}
            data={enrolments.data.items.map((item) => [
              item.number ?? 'Brouillon',
              frenchDate(item.submittedAt),
              frenchDate(item.updatedAt),
              <Badge key={item.id} noIcon severity={item.status === 'VALIDEE' ? 'success' : 'info'}>
                {item.statusLabel}
              </Badge>,
            ])}
          />
        ))}
    </>
  );
}

import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useMutation } from '@tanstack/react-query';
import { ProblemAlert } from '../components/Form.tsx';
import { dateTime } from './format.ts';
import type { EmailView, FailureView } from './types.ts';

/** "Courriels automatiques envoyés" of an enrolment or a dossier. */
export function EmailsTable({ emails }: { emails: EmailView[] }) {
  if (emails.length === 0) return <p>Aucun courriel envoyé.</p>;
  return (
    <Table
      caption="Courriels automatiques envoyés"
      headers={['Courriel', 'Destinataire', 'Objet', 'Statut', 'Tentatives', 'Dernier envoi']}
      data={emails.map((email) => [
        email.label,
        email.recipient,
        email.subject,
        <Badge key={email.emailId} noIcon severity={email.status === 'SENT' ? 'success' : 'error'}>
          {email.statusLabel}
        </Badge>,
        String(email.attempts),
        dateTime(email.sentAt ?? email.lastAttemptAt),
      ])}
    />
  );
}

/**
 * Follow-ups that gave up after their retries (an email sequence, a decision PDF), each with
 * "Relancer": the server re-runs what is missing only, once per failure.
 */
export function FailuresTable({
  failures,
  retry,
}: {
  failures: FailureView[];
  retry: (executionName: string) => Promise<unknown>;
}) {
  const relaunch = useMutation({ mutationFn: retry });
  if (failures.length === 0) return <p>Aucun envoi en échec.</p>;
  return (
    <>
      <ProblemAlert error={relaunch.error} />
      <Table
        caption="Envois en échec"
        headers={['Échec', 'Cause', 'Date', 'Action']}
        data={failures.map((failure) => [
          failure.error,
          failure.cause,
          dateTime(failure.at),
          failure.retriedAs ? (
            <Badge key={failure.executionName} noIcon severity="info">
              Relancé
            </Badge>
          ) : (
            <Button
              key={failure.executionName}
              size="small"
              priority="secondary"
              disabled={relaunch.isPending}
              onClick={() => relaunch.mutate(failure.executionName)}
              nativeButtonProps={{ 'aria-label': `Relancer l'envoi en échec du ${dateTime(failure.at)}` }}
            >
              Relancer
            </Button>
          ),
        ])}
      />
    </>
  );
}

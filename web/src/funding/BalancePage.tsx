import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MAILBOX_KINDS } from '#shared/funding/counts.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { RequireSession } from '../auth/RequireSession.tsx';
import { formObject, ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useDossier } from './DossierView.tsx';
import { FundingTabs } from './FundingTabs.tsx';
import { useAdvanceForm } from './useAdvanceForm.ts';

const REACHED_LABELS = {
  applicatives: 'Nombre de BAL applicatives à la date de clôture',
  organisationnelles: 'Nombre de BAL organisationnelles à la date de clôture',
  personnelles: 'Nombre de BAL personnelles à la date de clôture',
} as const;

/** "2 - Ma demande de solde": the balance form (the server says whether its window is open), or the decided balance. */
export default function BalancePage() {
  usePageTitle('Ma demande de solde');
  return (
    <RequireSession>
      <FundingTabs />
      <Balance />
    </RequireSession>
  );
}

function Balance() {
  const queryClient = useQueryClient();
  const form = useAdvanceForm();
  const number = form.data?.dossierNumber;
  const dossier = useDossier(number);
  const submit = useMutation({
    mutationFn: async (body: Record<string, unknown>) =>
      unwrap(
        await api.POST('/v1/funding/dossiers/{number}/balance', {
          params: { path: { number: number as string } },
          body: body as never,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dossier', number] }),
  });
  if (form.error) return <ProblemAlert error={form.error} />;
  if (form.data && !number)
    return <p>Déposez d'abord votre demande d'avance : le solde se demande après la date de clôture.</p>;
  const balance = dossier.data?.balance;
  if (balance)
    return (
      <>
        <h2>Solde décidé</h2>
        <p>
          Déposé le {balance.depositedOn} : montant total {balance.total.ttc} € TTC, solde décidé{' '}
          {balance.decidedAmount.ttc} € TTC.
        </p>
      </>
    );
  const errors = fieldErrorsOf(submit.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const values = formObject(event.currentTarget) as { reachedAtClosing: Record<string, string> };
        submit.mutate({
          reachedAtClosing: Object.fromEntries(
            Object.entries(values.reachedAtClosing).map(([kind, value]) => [
              kind,
              value === '' ? undefined : Number(value),
            ]),
          ),
        });
      }}
    >
      <p>Nombres de boîtes aux lettres atteints à la date de clôture ({form.data?.closingDateLabel}).</p>
      <ProblemAlert error={submit.error} />
      {MAILBOX_KINDS.map((kind) => (
        <TextField
          key={kind}
          label={`${REACHED_LABELS[kind]} * :`}
          name={`reachedAtClosing.${kind}`}
          errors={errors}
          inputMode="numeric"
        />
      ))}
      <Button type="submit" disabled={submit.isPending}>
        Valider
      </Button>
    </form>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAILBOX_KINDS, type MailboxKind } from '#shared/funding/counts.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { RequireSession } from '../auth/RequireSession.tsx';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { DossierView } from './DossierView.tsx';
import { FundingTabs } from './FundingTabs.tsx';
import { ADVANCE_FORM_KEY, useAdvanceForm } from './useAdvanceForm.ts';

/** "1 - Ma demande d'avance": the prefilled form, then its récapitulatif once requested. */
export default function AdvancePage() {
  usePageTitle("Ma demande d'avance");
  return (
    <RequireSession>
      <FundingTabs />
      <Advance />
    </RequireSession>
  );
}

type Counts = Record<MailboxKind, string>;
const EMPTY: Counts = { applicatives: '', organisationnelles: '', personnelles: '' };

function Advance() {
  const queryClient = useQueryClient();
  const form = useAdvanceForm();
  const [current, setCurrent] = useState(EMPTY);
  const [estimated, setEstimated] = useState(EMPTY);
  const complete = MAILBOX_KINDS.every((kind) => /^\d+$/.test(estimated[kind]));
  // The estimate is the server's computation, asked again as the counts change.
  const estimate = useQuery({
    queryKey: ['estimate', estimated],
    enabled: complete && form.data?.dossierNumber === null,
    queryFn: async () =>
      unwrap(await api.GET('/v1/funding/advance/estimate', { params: { query: estimated as never } })),
    placeholderData: (previous) => previous,
  });
  const submit = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/funding/advance', {
          // Typed as entered: the server checks the counts and names the faulty ones.
          body: { current: toNumbers(current), estimatedAtClosing: toNumbers(estimated) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADVANCE_FORM_KEY }),
  });
  if (form.error) return <ProblemAlert error={form.error} />;
  const data = form.data;
  if (!data) return <p>Chargement…</p>;
  if (data.dossierNumber) return <DossierView number={data.dossierNumber} />;
  const errors = fieldErrorsOf(submit.error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <h2>Récapitulatif</h2>
      <dl className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-4">
          <dt className="fr-text--bold">SIRET :</dt>
          <dd className="fr-ml-0">{data.summary.siret}</dd>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <dt className="fr-text--bold">Dénomination sociale :</dt>
          <dd className="fr-ml-0">{data.summary.denominationSociale}</dd>
        </div>
      </dl>
      <h2>Information de la demande</h2>
      <ProblemAlert error={submit.error} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            label="Taux de TVA applicable :"
            name="vat"
            errors={{}}
            value={data.vatRateLabel}
            readOnly
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            label="Montant fixe éligible pour l'opérateur :"
            name="fixed"
            errors={{}}
            value={data.fixedEligibleAmount.ttc}
            readOnly
          />
        </div>
        {MAILBOX_KINDS.map((kind) => (
          <CountPair
            key={kind}
            kind={kind}
            labels={[data.labels.current[kind] ?? kind, data.labels.estimatedAtClosing[kind] ?? kind]}
            values={[current[kind], estimated[kind]]}
            onChange={[
              (value) => setCurrent({ ...current, [kind]: value }),
              (value) => setEstimated({ ...estimated, [kind]: value }),
            ]}
            errors={errors}
          />
        ))}
      </div>
      <div className="fr-callout fr-my-3w" aria-live="polite">
        <p className="fr-callout__text">
          Estimation du financement total à la date de clôture ({data.closingDateLabel}) :{' '}
          <strong>
            {estimate.data && complete
              ? `${estimate.data.total.ttc} € TTC`
              : 'renseignez les nombres estimés'}
          </strong>
          {estimate.data && complete && estimate.data.capped && ' (plafond atteint)'}
        </p>
      </div>
      {!data.advanceWindow.open && (
        <p className="fr-message fr-message--info">La période de dépôt des demandes d'avance est fermée.</p>
      )}
      <Button type="submit" disabled={submit.isPending}>
        Valider
      </Button>
    </form>
  );
}

const toNumbers = (counts: Counts) =>
  Object.fromEntries(
    MAILBOX_KINDS.map((kind) => [kind, counts[kind] === '' ? undefined : Number(counts[kind])]),
  ) as Record<MailboxKind, number>;

function CountPair({
  kind,
  labels,
  values,
  onChange,
  errors,
}: {
  kind: MailboxKind;
  labels: [string, string];
  values: [string, string];
  onChange: [(value: string) => void, (value: string) => void];
  errors: Record<string, string>;
}) {
  return (
    <>
      {(['current', 'estimatedAtClosing'] as const).map((group, index) => (
        <div key={group} className="fr-col-12 fr-col-md-6">
          <TextField
            label={`${labels[index]} * :`}
            name={`${group}.${kind}`}
            errors={errors}
            inputMode="numeric"
            value={values[index]}
            onChange={(event) => onChange[index]?.(event.target.value)}
          />
        </div>
      ))}
    </>
  );
}

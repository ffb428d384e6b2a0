import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MSS_CALL_ID } from '#shared/funding/call.ts';
import { api } from '../api/client.ts';
import { ApiProblem, fieldErrorsOf, unwrap } from '../api/problem.ts';
import { formObject, ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { dateTime, euros } from './format.ts';
import type { FundingCall } from './types.ts';

const callKey = ['admin-funding-call', MSS_CALL_ID];
const versionsKey = ['admin-funding-call-versions', MSS_CALL_ID];
const path = { params: { path: { callId: MSS_CALL_ID } } };

/** The funding call as data: its current version, its correction form and its version history. */
export default function FundingCallPage() {
  usePageTitle('Appel à financement');
  const [notice, setNotice] = useState<Notice>();
  const call = useQuery({
    queryKey: callKey,
    queryFn: async () => unwrap(await api.GET('/v1/admin/funding-calls/{callId}', path)),
  });
  const versions = useQuery({
    queryKey: versionsKey,
    queryFn: async () => unwrap(await api.GET('/v1/admin/funding-calls/{callId}/versions', path)),
  });
  return (
    <>
      <h1>Appel à financement</h1>
      <ProblemAlert error={call.error} />
      {notice === 'stale' && (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          small
          description="L'appel a été corrigé entre-temps par un autre instructeur : voici sa version actuelle. Reportez votre correction si elle reste nécessaire."
        />
      )}
      {notice === 'corrected' && call.data && (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          description={`L'appel à financement est corrigé : version ${call.data.version}. Les décisions déjà prises gardent la version qu'elles ont appliquée.`}
        />
      )}
      {/* A new version (saved here or by someone else) resets the form to its values. */}
      {call.data && <Correction key={call.data.version} call={call.data} onNotice={setNotice} />}
      <section aria-labelledby="historique">
        <h2 id="historique">Historique des versions</h2>
        <ProblemAlert error={versions.error} />
        {versions.data && <History versions={versions.data.items} />}
      </section>
    </>
  );
}

/** Euros typed with a comma or a point → integer cents (the API's unit); not a number stays one for the server to refuse. */
const cents = (value: unknown) =>
  Math.round(Number(String(value).replace(',', '.').replace(/\s/g, '')) * 100);
const startOfDay = (date: unknown) => `${String(date)}T00:00:00.000Z`;
const endOfDay = (date: unknown) => `${String(date)}T23:59:59.999Z`;
const day = (iso: string) => iso.slice(0, 10);

function correctionBody(form: HTMLFormElement, version: number) {
  const fields = formObject(form) as Record<string, Record<string, string>> & Record<string, string>;
  return {
    expectedVersion: version,
    label: fields.label ?? '',
    fixedPartCents: cents(fields.fixedPart),
    ratesCents: {
      applicatives: cents(fields.rates?.applicatives),
      organisationnelles: cents(fields.rates?.organisationnelles),
      personnelles: cents(fields.rates?.personnelles),
    },
    capCents: cents(fields.cap),
    closingDate: fields.closingDate ?? '',
    advanceWindow: {
      opensAt: startOfDay(fields.advanceWindow?.opensAt),
      closesAt: endOfDay(fields.advanceWindow?.closesAt),
    },
    balanceWindow: {
      opensAt: startOfDay(fields.balanceWindow?.opensAt),
      closesAt: endOfDay(fields.balanceWindow?.closesAt),
    },
    legalBasis: (fields.legalBasis ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  };
}

type Notice = 'corrected' | 'stale' | undefined;

/** The amounts, typed in euros under `name`, which the API takes in cents under `apiPath`. */
const AMOUNT_FIELDS: {
  name: string;
  apiPath: string;
  label: string;
  cents: (call: FundingCall) => number;
}[] = [
  {
    name: 'fixedPart',
    apiPath: 'fixedPartCents',
    label: 'Part fixe par opérateur (€ HT)',
    cents: (call) => call.fixedPartCents,
  },
  {
    name: 'rates.applicatives',
    apiPath: 'ratesCents.applicatives',
    label: 'Montant par BAL applicative (€ HT)',
    cents: (call) => call.ratesCents.applicatives,
  },
  {
    name: 'rates.organisationnelles',
    apiPath: 'ratesCents.organisationnelles',
    label: 'Montant par BAL organisationnelle (€ HT)',
    cents: (call) => call.ratesCents.organisationnelles,
  },
  {
    name: 'rates.personnelles',
    apiPath: 'ratesCents.personnelles',
    label: 'Montant par BAL personnelle (€ HT)',
    cents: (call) => call.ratesCents.personnelles,
  },
  { name: 'cap', apiPath: 'capCents', label: 'Plafond par opérateur (€ HT)', cents: (call) => call.capCents },
];

/** The dates, each a day (YYYY-MM-DD) in the form; the windows' bounds are whole days, both included. */
const DATE_FIELDS: [name: string, label: string, date: (call: FundingCall) => string][] = [
  ['closingDate', 'Date de clôture', (call) => call.closingDate],
  ['advanceWindow.opensAt', "Demandes d'avance : ouverture", (call) => day(call.advanceWindow.opensAt)],
  ['advanceWindow.closesAt', "Demandes d'avance : fermeture", (call) => day(call.advanceWindow.closesAt)],
  ['balanceWindow.opensAt', 'Demandes de solde : ouverture', (call) => day(call.balanceWindow.opensAt)],
  ['balanceWindow.closesAt', 'Demandes de solde : fermeture', (call) => day(call.balanceWindow.closesAt)],
];

function Correction({ call, onNotice }: { call: FundingCall; onNotice: (notice: Notice) => void }) {
  const queryClient = useQueryClient();
  const correct = useMutation({
    mutationFn: async (form: HTMLFormElement) =>
      unwrap(
        await api.PUT('/v1/admin/funding-calls/{callId}', {
          ...path,
          body: correctionBody(form, call.version),
        }),
      ),
    onSuccess: async (saved) => {
      onNotice('corrected');
      queryClient.setQueryData(callKey, saved);
      await queryClient.invalidateQueries({ queryKey: versionsKey });
    },
    onError: async (error) => {
      // Another instructor corrected it meanwhile: show the call as it is now.
      if (error instanceof ApiProblem && error.status === 409) {
        onNotice('stale');
        await queryClient.invalidateQueries({ queryKey: callKey });
        await queryClient.invalidateQueries({ queryKey: versionsKey });
      }
    },
  });
  // The server names the body's fields; the form shows amounts in euros under the same names.
  const serverErrors = fieldErrorsOf(correct.error);
  const errors: Record<string, string> = {
    ...serverErrors,
    ...Object.fromEntries(AMOUNT_FIELDS.map(({ name, apiPath }) => [name, serverErrors[apiPath] ?? ''])),
  };
  const euroValue = (amount: number) => (amount / 100).toFixed(2);
  return (
    <section aria-labelledby="version-courante">
      <h2 id="version-courante">
        Version {call.version}{' '}
        {call.correctedAt ? `(corrigée le ${dateTime(call.correctedAt)})` : '(version initiale)'}
      </h2>
      {correct.error && !(correct.error instanceof ApiProblem && correct.error.status === 409) && (
        <ProblemAlert error={correct.error} />
      )}
      <form
        aria-label="Corriger l'appel à financement"
        onSubmit={(event) => {
          event.preventDefault();
          onNotice(undefined);
          correct.mutate(event.currentTarget);
        }}
      >
        <TextField label="Intitulé" name="label" errors={errors} defaultValue={call.label} />
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Montants (€ HT)</legend>
          <div className="fr-fieldset__element">
            {AMOUNT_FIELDS.map(({ name, label, cents }) => (
              <TextField
                key={name}
                label={label}
                name={name}
                errors={errors}
                inputMode="decimal"
                defaultValue={euroValue(cents(call))}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Dates (bornes incluses)</legend>
          <div className="fr-fieldset__element">
            {DATE_FIELDS.map(([name, label, date]) => (
              <TextField
                key={name}
                label={label}
                name={name}
                type="date"
                errors={errors}
                defaultValue={date(call)}
              />
            ))}
          </div>
        </fieldset>
        <Input
          textArea
          label="Base légale imprimée sur les décisions"
          hintText="Un « Vu … » par ligne"
          state={errors.legalBasis ? 'error' : 'default'}
          stateRelatedMessage={errors.legalBasis}
          nativeTextAreaProps={{
            name: 'legalBasis',
            id: 'champ-legalBasis',
            rows: 5,
            defaultValue: call.legalBasis.join('\n'),
          }}
        />
        <Button type="submit" disabled={correct.isPending}>
          Enregistrer la correction
        </Button>
      </form>
    </section>
  );
}

function History({ versions }: { versions: FundingCall[] }) {
  return (
    <Table
      caption="Versions de l'appel à financement, la plus récente d'abord"
      headers={[
        'Version',
        'Corrigée le',
        'Part fixe HT',
        'BAL applicative / organisationnelle / personnelle HT',
        'Plafond HT',
        'Date de clôture',
      ]}
      data={versions.map((version) => [
        <span key={version.version} id={`version-${version.version}`}>
          Version {version.version}
        </span>,
        version.correctedAt
          ? `${dateTime(version.correctedAt)} (instructeur ${version.correctedBy?.slice(0, 8)})`
          : 'Version initiale',
        euros(version.fixedPartCents),
        [
          version.ratesCents.applicatives,
          version.ratesCents.organisationnelles,
          version.ratesCents.personnelles,
        ]
          .map(euros)
          .join(' / '),
        euros(version.capCents),
        day(version.closingDate).split('-').reverse().join('/'),
      ])}
    />
  );
}

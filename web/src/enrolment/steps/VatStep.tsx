import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { VAT_REGIMES } from '#shared/enrolment/vat.ts';
import { api } from '../../api/client.ts';
import { unwrap } from '../../api/problem.ts';
import type { paths } from '../../api/schema.d.ts';
import { ProblemAlert } from '../../components/Form.tsx';
import { DocumentUpload } from '../DocumentUpload.tsx';
import { type DraftHandle, type DraftView, draftParams } from '../draft.ts';
import type { StepProps } from '../EnrolmentPage.tsx';
import { MissingAlert } from '../MissingAlert.tsx';
import { StepActions } from '../StepActions.tsx';
import { useStepSave } from '../useStepSave.ts';

type VatBody = NonNullable<
  paths['/v1/enrolments/{id}/steps/vat']['put']['requestBody']
>['content']['application/json'];

/** Étape 4 — Taux TVA (the attestation de non-assujettissement when HT). */
export function VatStep({ draft, view, next, previous, reset, quit }: StepProps & { view: DraftView }) {
  const handle = draft as DraftHandle;
  const [regime, setRegime] = useState<string>(view.answers.vat?.regime ?? '');
  const {
    mutation: save,
    missing,
    errors,
  } = useStepSave('vat', next, async (body: VatBody) =>
    unwrap(await api.PUT('/v1/enrolments/{id}/steps/vat', { params: draftParams(handle), body })),
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ regime } as VatBody);
      }}
    >
      <h2 className="fr-h4">Régime TVA :</h2>
      <ProblemAlert error={save.error} />
      <MissingAlert missing={missing} />
      <Select
        label="Taux TVA * :"
        state={errors.regime ? 'error' : 'default'}
        stateRelatedMessage={errors.regime}
        nativeSelectProps={{
          name: 'regime',
          value: regime,
          onChange: (event) => setRegime(event.target.value),
        }}
      >
        <option value="">Choisir une option</option>
        {Object.entries(VAT_REGIMES).map(([code, { label }]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </Select>
      {regime === 'HT' && (
        <p>
          Régime HT : une attestation de « Non-assujettissement à la TVA » délivrée par la Direction des
          Finances Publiques vous est demandée.
        </p>
      )}
      {regime === 'HT' && (
        <DocumentUpload
          draft={handle}
          field="attestationNonAssujettissement"
          label="Attestation de non-assujettissement à la TVA"
          documents={view.documents}
          errors={errors}
        />
      )}
      <p className="fr-hint-text">* Champs obligatoires</p>
      <StepActions onPrevious={previous} onReset={() => reset('vat')} onQuit={quit} busy={save.isPending} />
    </form>
  );
}

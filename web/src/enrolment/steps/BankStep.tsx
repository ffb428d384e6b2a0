import { useState } from 'react';
import { api } from '../../api/client.ts';
import { unwrap } from '../../api/problem.ts';
import type { paths } from '../../api/schema.d.ts';
import { formObject, ProblemAlert, TextField } from '../../components/Form.tsx';
import { DocumentUpload } from '../DocumentUpload.tsx';
import { type DraftHandle, type DraftView, draftParams } from '../draft.ts';
import type { StepProps } from '../EnrolmentPage.tsx';
import { MissingAlert } from '../MissingAlert.tsx';
import { StepActions } from '../StepActions.tsx';
import { useStepSave } from '../useStepSave.ts';

type BankBody = NonNullable<
  paths['/v1/enrolments/{id}/steps/bank']['put']['requestBody']
>['content']['application/json'];

/** Étape 3 — Coordonnées bancaires: IBAN, BIC, titulaire, domiciliation (filled in from the IBAN when the bank is known), RIB. */
export function BankStep({ draft, view, next, previous, reset, quit }: StepProps & { view: DraftView }) {
  const handle = draft as DraftHandle;
  const saved = view.answers.bank;
  const [domiciliation, setDomiciliation] = useState(saved?.domiciliation ?? '');
  // "La Domiciliation sera automatiquement renseignée": asked with the IBAN's first 9 characters only.
  const fillDomiciliation = async (iban: string) => {
    const bank = iban.replace(/\s/g, '').slice(0, 9);
    if (domiciliation.trim() || !/^[A-Za-z]{2}\d{7}$/.test(bank)) return;
    const found = await api.GET('/v1/banks/{bank}', { params: { path: { bank } } });
    if (found.data) setDomiciliation(found.data.domiciliation);
  };
  const {
    mutation: save,
    missing,
    errors,
  } = useStepSave('bank', next, async (body: BankBody) =>
    unwrap(await api.PUT('/v1/enrolments/{id}/steps/bank', { params: draftParams(handle), body })),
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // The form's strings as typed: the server requires the domiciliation and names what is missing.
        save.mutate(formObject(event.currentTarget) as BankBody);
      }}
    >
      <h2 className="fr-h4">Coordonnées bancaires :</h2>
      <ProblemAlert error={save.error} />
      <MissingAlert missing={missing} />
      <TextField
        label="IBAN * :"
        name="iban"
        errors={errors}
        defaultValue={saved?.iban}
        autoComplete="off"
        onBlur={(event) => void fillDomiciliation(event.target.value)}
      />
      <TextField label="BIC * :" name="bic" errors={errors} defaultValue={saved?.bic} autoComplete="off" />
      <TextField label="Titulaire * :" name="titulaire" errors={errors} defaultValue={saved?.titulaire} />
      <TextField
        label="Domiciliation * :"
        hint="Renseignée automatiquement à partir de l'IBAN lorsque la banque est connue"
        name="domiciliation"
        errors={errors}
        value={domiciliation}
        onChange={(event) => setDomiciliation(event.target.value)}
      />
      <DocumentUpload draft={handle} field="rib" label="RIB" documents={view.documents} errors={errors} />
      <p className="fr-hint-text">* Champs obligatoires</p>
      <StepActions onPrevious={previous} onReset={() => reset('bank')} onQuit={quit} busy={save.isPending} />
    </form>
  );
}

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
        const values = formObject(event.currentTarget) as Record<string, string>;
        // An empty domiciliation is left to the server, which fills it in from the IBAN's bank code.
        const { domiciliation, ...rest } = values;
        save.mutate({ ...rest, ...(domiciliation?.trim() ? { domiciliation } : {}) } as BankBody);
      }}
    >
      <h2 className="fr-h4">Coordonnées bancaires :</h2>
      <ProblemAlert error={save.error} />
      <MissingAlert missing={missing} />
      <TextField label="IBAN * :" name="iban" errors={errors} defaultValue={saved?.iban} autoComplete="off" />
      <TextField label="BIC * :" name="bic" errors={errors} defaultValue={saved?.bic} autoComplete="off" />
      <TextField label="Titulaire * :" name="titulaire" errors={errors} defaultValue={saved?.titulaire} />
      <TextField
        label="Domiciliation :"
        hint="Renseignée automatiquement à partir de l'IBAN lorsque la banque est connue"
        name="domiciliation"
        errors={errors}
        defaultValue={saved?.domiciliation}
      />
      <DocumentUpload
        draft={handle}
        field="rib"
        label="RIB"
        current={view.documents.rib?.fileName}
        serverError={errors['documents.rib']}
      />
      <p className="fr-hint-text">* Champs obligatoires</p>
      <StepActions onPrevious={previous} onReset={() => reset('bank')} onQuit={quit} busy={save.isPending} />
    </form>
  );
}

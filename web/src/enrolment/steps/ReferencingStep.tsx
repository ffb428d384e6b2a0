import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, unwrap } from '../../api/problem.ts';
import { ProblemAlert, TextField } from '../../components/Form.tsx';
import { DocumentUpload } from '../DocumentUpload.tsx';
import { type DraftHandle, type DraftView, draftParams, saveDraft } from '../draft.ts';
import type { StepProps } from '../EnrolmentPage.tsx';
import { MissingAlert } from '../MissingAlert.tsx';
import { StepActions } from '../StepActions.tsx';
import { useStepSave } from '../useStepSave.ts';

/** Étape 1 — Référencement: N° unique de référencement (ANS), "Rechercher", certificate and contract. */
export function ReferencingStep({
  draft,
  view,
  onDraftCreated,
  next,
  reset,
  quit,
}: StepProps & { view?: DraftView }) {
  const navigate = useNavigate();
  const [number, setNumber] = useState(view?.answers.referencing?.number ?? '');
  const search = useMutation({
    mutationFn: async () => {
      if (draft) {
        unwrap(
          await api.PUT('/v1/enrolments/{id}/steps/referencing', {
            params: draftParams(draft),
            body: { number },
          }),
        );
        return draft;
      }
      const created = unwrap(await api.POST('/v1/enrolments', { body: { referencingNumber: number } }));
      const handle = { id: created.enrolment.id, token: created.draftToken };
      saveDraft(handle);
      return handle;
    },
    onSuccess: onDraftCreated,
  });
  const {
    mutation: save,
    missing,
    errors: saveErrors,
  } = useStepSave('referencing', next, async () =>
    unwrap(
      await api.PUT('/v1/enrolments/{id}/steps/referencing', {
        params: draftParams(draft as DraftHandle),
        body: { number },
      }),
    ),
  );
  const referencing = view?.answers.referencing;
  const errors = { ...fieldErrorsOf(search.error), ...saveErrors };
  if (errors.referencingNumber) errors.number ??= errors.referencingNumber;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (draft) save.mutate(undefined);
        else search.mutate();
      }}
    >
      <h2 className="fr-h4">Référencement :</h2>
      <ProblemAlert error={search.error ?? save.error} />
      <MissingAlert missing={missing} />
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-8">
          <TextField
            label="N° unique de référencement (ANS) *"
            hint="Opérateur acheteur : le numéro délivré par l'ANS à votre opérateur développeur (exemple : zbuMSS0046)"
            name="number"
            errors={errors}
            value={number}
            onChange={(event) => setNumber(event.target.value)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4 fr-mb-3w">
          <Button
            type="button"
            iconId="fr-icon-search-line"
            onClick={() => search.mutate()}
            disabled={search.isPending}
          >
            Rechercher
          </Button>
        </div>
      </div>
      {draft && referencing && (
        <>
          <p>
            <strong>DSR concerné (couloir / type logiciel / vague) * :</strong> {referencing.dsr.label} /{' '}
            {referencing.dsr.typeLogiciel} / {referencing.dsr.vague}
            <br />
            <strong>Solution :</strong> {referencing.solutionName} ({referencing.developerName})
          </p>
          <DocumentUpload
            draft={draft}
            field="certificatReferencement"
            label="Certificat de référencement"
            documents={view?.documents}
            errors={errors}
          />
          <DocumentUpload
            draft={draft}
            field="contratOperateur"
            label="Contrat opérateur V2"
            documents={view?.documents}
            errors={errors}
          />
        </>
      )}
      <p className="fr-hint-text">* Champs obligatoires</p>
      <StepActions
        // The guide's "← Retour": back to the public home, the draft kept for later.
        onPrevious={() => navigate('/')}
        previousLabel="Retour"
        onReset={draft ? () => reset('referencing') : undefined}
        onQuit={quit}
        busy={save.isPending}
      />
    </form>
  );
}

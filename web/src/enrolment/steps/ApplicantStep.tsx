import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Person, PostalAddress } from '#shared/enrolment/model.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, unwrap } from '../../api/problem.ts';
import type { paths } from '../../api/schema.d.ts';
import { ChoiceRadios } from '../../components/ChoiceRadios.tsx';
import { formObject, ProblemAlert, TextField } from '../../components/Form.tsx';
import { Captcha } from '../Captcha.tsx';
import { bindDocumentUpload } from '../DocumentUpload.tsx';
import { type DraftView, draftParams } from '../draft.ts';
import type { StepProps } from '../EnrolmentPage.tsx';
import { MissingAlert } from '../MissingAlert.tsx';
import { StepActions } from '../StepActions.tsx';
import { useStepSave } from '../useStepSave.ts';

type ApplicantBody = NonNullable<
  paths['/v1/enrolments/{id}/steps/applicant']['put']['requestBody']
>['content']['application/json'];

type Company = { denominationSociale: string; address: Partial<PostalAddress> };

const YES_NO = [
  [true, 'Oui'],
  [false, 'Non'],
] as const;

const CAPACITIES = [
  ['CENTRE_DE_GESTION', 'Centre de gestion, expert-comptable...'],
  ['EMPLOYE', 'Employé de la personne morale'],
] as const;

const PERSON_FIELDS = [
  ['nom', 'Nom'],
  ['prenom', 'Prénom'],
  ['email', 'Email'],
  ['emailConfirmation', 'Confirmation email'],
  ['telephone', 'Téléphone'],
] as const;

function PersonFields({
  who,
  prefix,
  values,
  errors,
}: {
  who: string;
  prefix: string;
  values?: Person;
  errors: Record<string, string>;
}) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      {PERSON_FIELDS.map(([name, label]) => (
        <div key={name} className="fr-col-12 fr-col-md-6">
          <TextField
            label={`${label} du ${who} * :`}
            name={`${prefix}.${name}`}
            errors={errors}
            type={name.startsWith('email') ? 'email' : name === 'telephone' ? 'tel' : 'text'}
            defaultValue={name === 'emailConfirmation' ? values?.email : values?.[name]}
            autoComplete="off"
          />
        </div>
      ))}
    </div>
  );
}

/** Étape 2 — Demandeur (guide: SIRET + captcha "Rechercher", establishment, legal representative or tiers déclarant). */
export function ApplicantStep({ draft, view, next, previous, reset, quit }: StepProps & { view: DraftView }) {
  if (!draft) throw new Error('The applicant step needs a draft');
  const saved = view.answers.applicant;
  const [siret, setSiret] = useState(saved?.siret ?? '');
  const [captchaId, setCaptchaId] = useState('');
  const [captchaRound, setCaptchaRound] = useState(0);
  const [company, setCompany] = useState<Company | undefined>(
    view.answers.lookedUpCompany ??
      (saved ? { denominationSociale: saved.registeredDenomination, address: {} } : undefined),
  );
  const [denomination, setDenomination] = useState(
    saved?.denominationSociale ?? company?.denominationSociale ?? '',
  );
  const [legalRepresentative, setLegalRepresentative] = useState(saved?.isLegalRepresentative);
  const [capacity, setCapacity] = useState(saved?.tiersDeclarantCapacity);

  const lookup = useMutation({
    mutationFn: async (answer: string) =>
      unwrap(
        await api.POST('/v1/enrolments/{id}/company-lookup', {
          params: draftParams(draft),
          body: { siret, captcha: { id: captchaId, answer } },
        }),
      ),
    onSuccess: (found) => {
      const record = found as unknown as Company;
      setCompany(record);
      setDenomination(record.denominationSociale);
    },
    // Each code is single-use, right or wrong: draw a new one.
    onSettled: () => setCaptchaRound((round) => round + 1),
  });
  const {
    mutation: save,
    missing,
    errors: saveErrors,
  } = useStepSave('applicant', next, async (body: ApplicantBody) =>
    unwrap(await api.PUT('/v1/enrolments/{id}/steps/applicant', { params: draftParams(draft), body })),
  );
  const errors = { ...fieldErrorsOf(lookup.error), ...saveErrors };
  const documentUpload = bindDocumentUpload(draft, view.documents, errors);
  const address = { ...company?.address, ...saved?.address };
  const isBuyer =
    view.answers.referencing !== undefined && siret.trim() !== view.answers.referencing.developerSiret;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const values = formObject(event.currentTarget);
        const tiers = legalRepresentative === false;
        // The form's strings as typed: the server validates and names the faulty fields.
        save.mutate({
          siret,
          denominationSociale: values.denominationSociale,
          nomCommercial: values.nomCommercial,
          address: values.address,
          ...(legalRepresentative !== undefined ? { isLegalRepresentative: legalRepresentative } : {}),
          representative: values.representative,
          ...(tiers ? { depositaire: values.depositaire } : {}),
          ...(tiers && capacity ? { tiersDeclarantCapacity: capacity } : {}),
        } as ApplicantBody);
      }}
    >
      <h2 className="fr-h4">Demandeur :</h2>
      <ProblemAlert error={lookup.error ?? save.error} />
      <MissingAlert missing={missing} />
      <TextField
        label="Numéro de SIRET * :"
        hint="14 chiffres"
        name="siret"
        errors={errors}
        value={siret}
        inputMode="numeric"
        onChange={(event) => setSiret(event.target.value)}
      />
      <Captcha errors={fieldErrorsOf(lookup.error)} round={captchaRound} onReady={setCaptchaId} />
      <Button
        type="button"
        iconId="fr-icon-search-line"
        className="fr-mb-4w"
        disabled={lookup.isPending}
        onClick={(event) => {
          const form = event.currentTarget.form;
          const answer = form ? String(new FormData(form).get('captcha.answer') ?? '') : '';
          lookup.mutate(answer);
        }}
      >
        Rechercher
      </Button>

      {company && (
        <div key={company.denominationSociale}>
          <TextField
            label="Dénomination sociale * :"
            name="denominationSociale"
            errors={errors}
            value={denomination}
            onChange={(event) => setDenomination(event.target.value)}
          />
          {denomination !== company.denominationSociale && documentUpload('kbis', 'Kbis')}
          <TextField
            label="Nom commercial * :"
            name="nomCommercial"
            errors={errors}
            defaultValue={saved?.nomCommercial}
          />
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Adresse postale</legend>
            <div className="fr-grid-row fr-grid-row--gutters fr-col-12">
              {(
                [
                  ['destinataire', 'Identité du destinataire / service :', 12],
                  ['entreeBatiment', 'Entrée / Bât / Immeuble :', 12],
                  ['numero', 'N° :', 3],
                  ['extension', 'Extension :', 3],
                  ['typeVoie', 'Type de voie * :', 6],
                  ['nomVoie', 'Nom de voie * :', 12],
                  ['complement', "Complément d'adresse :", 12],
                  ['codePostal', 'Code postal * :', 4],
                  ['commune', 'Commune * :', 8],
                ] as const
              ).map(([name, label, width]) => (
                <div key={name} className={`fr-col-12 fr-col-md-${width}`}>
                  <TextField
                    label={label}
                    name={`address.${name}`}
                    errors={errors}
                    defaultValue={address[name] ?? ''}
                  />
                </div>
              ))}
            </div>
          </fieldset>
          {isBuyer && documentUpload('bonDeCommande', 'Bon de commande')}

          <ChoiceRadios
            legend="Je suis le représentant légal du fournisseur * :"
            orientation="horizontal"
            field="isLegalRepresentative"
            errors={errors}
            choices={YES_NO}
            value={legalRepresentative}
            onChange={setLegalRepresentative}
          />
          {legalRepresentative !== undefined && (
            <>
              <PersonFields
                who="représentant"
                prefix="representative"
                values={saved?.representative}
                errors={errors}
              />
              {documentUpload(
                'pieceIdentiteRepresentant',
                'CNI, passeport ou titre de séjour du représentant',
              )}
            </>
          )}
          {legalRepresentative === false && (
            <>
              <PersonFields
                who="dépositaire"
                prefix="depositaire"
                values={saved?.depositaire}
                errors={errors}
              />
              {documentUpload('pieceIdentiteDepositaire', 'CNI, passeport ou titre de séjour du demandeur')}
              <ChoiceRadios
                legend="Merci de préciser votre qualité en tant que tiers déclarant * :"
                field="tiersDeclarantCapacity"
                errors={errors}
                choices={CAPACITIES}
                value={capacity}
                onChange={setCapacity}
              />
              <p>
                <a
                  className="fr-link fr-icon-download-line fr-link--icon-left"
                  href="/v1/model-documents/contrat-prestation"
                  download
                >
                  Modèle contrat de prestation
                </a>
                <br />
                <a
                  className="fr-link fr-icon-download-line fr-link--icon-left"
                  href="/v1/model-documents/mandat"
                  download
                >
                  Modèle de mandat
                </a>
              </p>
              {capacity === 'CENTRE_DE_GESTION' &&
                documentUpload('contratPrestation', 'Contrat de prestation')}
              {capacity === 'EMPLOYE' &&
                documentUpload('mandatRepresentantLegal', 'Mandat du représentant légal')}
            </>
          )}
        </div>
      )}
      <p className="fr-hint-text">* Champs obligatoires</p>
      <StepActions
        onPrevious={previous}
        onReset={() => reset('applicant')}
        onQuit={quit}
        busy={save.isPending}
      />
    </form>
  );
}

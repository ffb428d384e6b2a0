import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { VAT_REGIMES } from '#shared/enrolment/vat.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, unwrap } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/Form.tsx';
import { Captcha } from '../Captcha.tsx';
import { type DraftHandle, type DraftView, draftParams, forgetDraft } from '../draft.ts';
import { STEP_KEYS, type StepProps } from '../EnrolmentPage.tsx';
import { StepActions } from '../StepActions.tsx';

const confirmation = createModal({ id: 'confirmation-enrolement', isOpenedByDefault: false });

const STEP_NAMES = ['Référencement', 'Demandeur', 'Coordonnées bancaires', 'Taux TVA'] as const;

const ARTICLE_441_7 =
  "Je suis informé(e) des dispositions de l'article 441-7 du code pénal qui prévoit [...] qu'« est puni d'un an d'emprisonnement et de 15000 euros d'amende le fait : 1° D'établir une attestation ou un certificat faisant état de faits matériellement inexacts ; 2° De falsifier une attestation ou un certificat originairement sincère ; 3° De faire usage d'une attestation ou d'un certificat inexact ou falsifié. Les peines sont portées à trois ans d'emprisonnement et à 45 000 euros d'amende lorsque l'infraction est commise en vue de porter préjudice au Trésor public ou au patrimoine d'autrui »";

function Row({ label, value }: { label: string; value?: string }) {
  return (
    <div className="fr-mb-1w">
      <dt className="fr-text--bold fr-mb-0">{label}</dt>
      <dd className="fr-ml-0">{value || '—'}</dd>
    </div>
  );
}

/** Étape 5 — Récapitulatif: the answers, captcha, the three checkboxes, "Terminer" and the confirmation pop-in. */
export function SummaryStep({ draft, view, previous, quit, goTo }: StepProps & { view: DraftView }) {
  const handle = draft as DraftHandle;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [captchaId, setCaptchaId] = useState('');
  const [captchaRound, setCaptchaRound] = useState(0);
  const submit = useMutation({
    mutationFn: async (form: FormData) =>
      unwrap(
        await api.POST('/v1/enrolments/{id}/submit', {
          params: draftParams(handle),
          body: {
            captcha: { id: captchaId, answer: String(form.get('captcha.answer') ?? '') },
            acceptCgu: form.has('acceptCgu') as true,
            acknowledgeArticle4417: form.has('acknowledgeArticle4417') as true,
            certifySincerity: form.has('certifySincerity') as true,
          },
        }),
      ),
    onSuccess: () => confirmation.open(),
    onSettled: () => setCaptchaRound((round) => round + 1),
  });
  const number = submit.data?.number;
  // "OK" ends the request: the draft is forgotten, back to the home page.
  const finish = () => {
    forgetDraft();
    queryClient.removeQueries({ queryKey: ['draft'] });
    navigate('/', { replace: true });
  };

  const errors = fieldErrorsOf(submit.error);
  const { referencing, applicant, bank, vat } = view.answers;
  const checkbox = (name: string, label: string) => ({
    label,
    nativeInputProps: { name, 'aria-invalid': errors[name] ? true : undefined },
  });
  const incomplete = STEP_KEYS.map((key, position) => ({ position, status: view.steps[key] })).filter(
    (step) => !step.status.complete,
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate(new FormData(event.currentTarget));
      }}
    >
      <h2 className="fr-h4">Récapitulatif de votre demande d'enrôlement</h2>
      <ProblemAlert error={submit.error} />
      {incomplete.map(({ position, status }) => (
        <div key={position} className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
          <p>
            Étape « {STEP_NAMES[position]} » incomplète :{' '}
            {status.missing.map((item) => item.message).join(' ')}{' '}
            <Button type="button" priority="tertiary no outline" size="small" onClick={() => goTo(position)}>
              Compléter l'étape {STEP_NAMES[position]}
            </Button>
          </p>
        </div>
      ))}
      <div className="fr-grid-row fr-grid-row--gutters">
        <dl className="fr-col-12 fr-col-md-6">
          <Row label="N° unique de référencement (ANS)" value={referencing?.number} />
          <Row label="DSR concerné" value={referencing?.dsr.label} />
          <Row label="Numéro de SIRET" value={applicant?.siret} />
          <Row label="Dénomination sociale" value={applicant?.denominationSociale} />
          <Row label="Nom commercial" value={applicant?.nomCommercial} />
          <Row
            label="Adresse"
            value={
              applicant &&
              [
                applicant.address.numero,
                applicant.address.typeVoie,
                applicant.address.nomVoie,
                applicant.address.codePostal,
                applicant.address.commune,
              ]
                .filter(Boolean)
                .join(' ')
            }
          />
          <Row
            label="Représentant légal"
            value={
              applicant &&
              `${applicant.representative.prenom} ${applicant.representative.nom} (${applicant.representative.email})`
            }
          />
        </dl>
        <dl className="fr-col-12 fr-col-md-6">
          <Row label="IBAN" value={bank?.iban} />
          <Row label="BIC" value={bank?.bic} />
          <Row label="Titulaire" value={bank?.titulaire} />
          <Row label="Domiciliation" value={bank?.domiciliation} />
          <Row label="Taux TVA" value={vat && VAT_REGIMES[vat.regime].label} />
          <Row
            label="Justificatifs"
            value={Object.values(view.documents)
              .map((document) => `${document.label} : ${document.fileName}`)
              .join(' ; ')}
          />
        </dl>
      </div>
      <Captcha errors={errors} round={captchaRound} onReady={setCaptchaId} />
      <Checkbox
        state={
          errors.acceptCgu || errors.acknowledgeArticle4417 || errors.certifySincerity ? 'error' : 'default'
        }
        stateRelatedMessage={[errors.acceptCgu, errors.acknowledgeArticle4417, errors.certifySincerity]
          .filter(Boolean)
          .join(' ')}
        legend="Engagements * :"
        options={[
          checkbox('acceptCgu', "J'ai lu et j'accepte les CGU"),
          checkbox('acknowledgeArticle4417', ARTICLE_441_7),
          checkbox(
            'certifySincerity',
            "L'ensemble des éléments saisis dans ce formulaire de demande sont sincères et véritables",
          ),
        ]}
      />
      <StepActions onPrevious={previous} onQuit={quit} nextLabel="Terminer" busy={submit.isPending} />
      <confirmation.Component
        title="Confirmation"
        buttons={[{ children: 'OK', doClosesModal: true, onClick: finish }]}
      >
        Demande d'enrôlement validée. Le numéro de votre demande est le {number}. Merci de le conserver et le
        communiquer en cas d'échange avec notre plateforme de support.
      </confirmation.Component>
    </form>
  );
}

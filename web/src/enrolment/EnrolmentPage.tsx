import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { usePageTitle } from '../components/usePageTitle.ts';
import { type DraftHandle, draftParams, forgetDraft, readDraft, useDraftView } from './draft.ts';
import { ApplicantStep } from './steps/ApplicantStep.tsx';
import { BankStep } from './steps/BankStep.tsx';
import { ReferencingStep } from './steps/ReferencingStep.tsx';
import { SummaryStep } from './steps/SummaryStep.tsx';
import { VatStep } from './steps/VatStep.tsx';

const STEP_TITLES = [
  'Référencement',
  'Demandeur',
  'Coordonnées bancaires',
  'Taux TVA',
  'Confirmation',
] as const;
export const STEP_KEYS = ['referencing', 'applicant', 'bank', 'vat'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface StepProps {
  draft: DraftHandle | undefined;
  onDraftCreated: (draft: DraftHandle) => void;
  next: () => void;
  previous: () => void;
  reset: (step: StepKey) => Promise<void>;
  quit: () => Promise<void>;
  goTo: (index: number) => void;
}

/** "Demande d'enrôlement": the guide's five steps with the DSFR stepper (guide, steps 1 to 5). */
export default function EnrolmentPage() {
  usePageTitle("Demande d'enrôlement");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const resumed = (useLocation().state as { resumed?: boolean } | null)?.resumed;
  const [draft, setDraft] = useState(readDraft);
  const [index, setIndex] = useState(0);
  const view = useDraftView(draft);
  const heading = useRef<HTMLHeadingElement>(null);

  // A resumed draft opens at its first incomplete step (the récapitulatif when all are complete).
  const positioned = useRef(false);
  useEffect(() => {
    if (!view.data || positioned.current) return;
    positioned.current = true;
    const firstIncomplete = STEP_KEYS.findIndex((key) => !view.data.steps[key].complete);
    setIndex(firstIncomplete === -1 ? 4 : firstIncomplete);
  }, [view.data]);

  const goTo = (target: number) => {
    setIndex(target);
    window.scrollTo(0, 0);
    // Keyboard and screen-reader users land on the new step's title.
    requestAnimationFrame(() => heading.current?.focus());
  };
  const props: StepProps = {
    draft,
    onDraftCreated: setDraft,
    next: () => goTo(Math.min(index + 1, 4)),
    previous: () => goTo(Math.max(index - 1, 0)),
    goTo,
    reset: async (step) => {
      if (!draft) return;
      await api.DELETE('/v1/enrolments/{id}/steps/{step}', {
        params: { ...draftParams(draft), path: { id: draft.id, step } },
      });
      await queryClient.invalidateQueries({ queryKey: ['draft', draft.id] });
    },
    quit: async () => {
      if (draft) await api.DELETE('/v1/enrolments/{id}', { params: draftParams(draft) });
      forgetDraft();
      queryClient.removeQueries({ queryKey: ['draft'] });
      navigate('/');
    },
  };
  const stepKey = `${draft?.id ?? 'nouveau'}-${index}`;

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Demande d'enrôlement
      </h1>
      <Stepper
        currentStep={index + 1}
        stepCount={5}
        title={STEP_TITLES[index]}
        nextTitle={STEP_TITLES[index + 1]}
      />
      {resumed && view.data?.answers.lastDecisionComment && (
        <Alert
          className="fr-mb-4w"
          severity="info"
          title="Modifications demandées par l'instructeur"
          description={view.data.answers.lastDecisionComment}
        />
      )}
      {view.isError && (
        <Alert
          className="fr-mb-4w"
          severity="warning"
          small
          description="Votre brouillon n'est plus disponible (expiré, supprimé ou lien remplacé). Vous pouvez commencer une nouvelle demande."
        />
      )}
      {draft && view.isPending ? (
        <p>Chargement de votre demande…</p>
      ) : (
        <>
          {index === 0 && <ReferencingStep key={stepKey} {...props} view={view.data} />}
          {index === 1 && view.data && <ApplicantStep key={stepKey} {...props} view={view.data} />}
          {index === 2 && view.data && <BankStep key={stepKey} {...props} view={view.data} />}
          {index === 3 && view.data && <VatStep key={stepKey} {...props} view={view.data} />}
          {index === 4 && view.data && <SummaryStep key={stepKey} {...props} view={view.data} />}
        </>
      )}
    </>
  );
}

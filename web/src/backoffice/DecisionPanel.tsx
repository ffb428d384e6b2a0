import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { ApiProblem, fieldErrorsOf, unwrap } from '../api/problem.ts';
import type { operations } from '../api/schema.d.ts';
import { ProblemAlert } from '../components/Form.tsx';
import type { EnrolmentFile } from './types.ts';

/** What became of a confirmed decision: recorded, or refused because the request changed meanwhile (409). */
export type DecisionOutcome = 'decided' | 'stale';
type DecisionBody = operations['decideEnrolment']['requestBody']['content']['application/json'];
type Action = DecisionBody['action'];

const DECISIONS: Record<
  Action,
  {
    modal: ReturnType<typeof createModal>;
    button: string;
    priority: 'primary' | 'secondary';
    effect: string;
    field: string;
    confirm: string;
  }
> = {
  validate: {
    modal: createModal({ id: 'decision-valider', isOpenedByDefault: false }),
    button: 'Valider la demande',
    priority: 'primary',
    effect:
      'La demande sera validée : le compte de l’opérateur est créé et ses identifiant et mot de passe provisoire lui sont envoyés par courriel.',
    field: 'Commentaire (facultatif)',
    confirm: 'Confirmer la validation',
  },
  requestChanges: {
    modal: createModal({ id: 'decision-modifications', isOpenedByDefault: false }),
    button: 'Demander des modifications',
    priority: 'secondary',
    effect:
      'La demande passera « À modifier » : le demandeur reçoit votre commentaire et un lien pour reprendre sa demande, qu’il dépose à nouveau sous le même numéro.',
    field: 'Commentaire pour le demandeur (obligatoire)',
    confirm: 'Confirmer la demande de modifications',
  },
  reject: {
    modal: createModal({ id: 'decision-rejet', isOpenedByDefault: false }),
    button: 'Rejeter la demande',
    priority: 'secondary',
    effect: 'La demande sera rejetée définitivement : le demandeur reçoit le motif par courriel.',
    field: 'Motif du rejet (obligatoire)',
    confirm: 'Confirmer le rejet',
  },
};
const ACTIONS = Object.keys(DECISIONS) as Action[];

/** "Décision": three actions, each confirmed in a DSFR modal that names its consequences. */
export function DecisionPanel({
  enrolment,
  onDecided,
}: {
  enrolment: EnrolmentFile;
  onDecided: (outcome: DecisionOutcome) => Promise<void>;
}) {
  return (
    <section aria-labelledby="decision" className="fr-mb-4w">
      <h2 id="decision">Décision</h2>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {ACTIONS.map((action) => (
          <li key={action}>
            <Button priority={DECISIONS[action].priority} {...DECISIONS[action].modal.buttonProps}>
              {DECISIONS[action].button}
            </Button>
          </li>
        ))}
      </ul>
      {ACTIONS.map((action) => (
        <DecisionModal key={action} action={action} enrolment={enrolment} onDecided={onDecided} />
      ))}
    </section>
  );
}

function DecisionModal({
  action,
  enrolment,
  onDecided,
}: {
  action: Action;
  enrolment: EnrolmentFile;
  onDecided: (outcome: DecisionOutcome) => Promise<void>;
}) {
  const { modal, button, effect, field, confirm } = DECISIONS[action];
  const formId = `${modal.id}-formulaire`;
  const decide = useMutation({
    mutationFn: async (comment: string) =>
      unwrap(
        await api.POST('/v1/admin/enrolments/{id}/decision', {
          params: { path: { id: enrolment.id } },
          // Sent as typed, even empty: the server says when a comment or a reason is required.
          body: { action, expectedVersion: enrolment.version, comment } as DecisionBody,
        }),
      ),
    onSuccess: async () => {
      modal.close();
      await onDecided('decided');
    },
    onError: async (error) => {
      // Someone decided (or the applicant re-submitted) meanwhile: show the request as it is now.
      if (error instanceof ApiProblem && error.status === 409) {
        modal.close();
        await onDecided('stale');
      }
    },
  });
  const commentError = fieldErrorsOf(decide.error).comment;
  const otherError = decide.error && !commentError ? decide.error : undefined;
  return (
    <modal.Component
      title={button}
      buttons={[
        { children: 'Annuler', priority: 'secondary' },
        {
          children: confirm,
          doClosesModal: false,
          disabled: decide.isPending,
          nativeButtonProps: { type: 'submit', form: formId },
        },
      ]}
    >
      <p>
        Demande {enrolment.number} — {enrolment.applicant?.denominationSociale}. {effect}
      </p>
      <ProblemAlert error={otherError} />
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          decide.mutate(String(new FormData(event.currentTarget).get('comment') ?? ''));
        }}
      >
        <Input
          textArea
          label={field}
          state={commentError ? 'error' : 'default'}
          stateRelatedMessage={commentError}
          nativeTextAreaProps={{ name: 'comment', id: `${modal.id}-commentaire`, rows: 4, maxLength: 2000 }}
        />
      </form>
    </modal.Component>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { NewPasswordFields, PASSWORD_RULES_TEXT } from '../auth/NewPasswordFields.tsx';
import { RecoveryRequest } from '../auth/RecoveryRequest.tsx';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

/** "J'ai oublié mon mot de passe": the request form, or the reset form when opened from the emailed link. */
export default function ForgottenPasswordPage() {
  // The reset token travels in the fragment (`#jeton=…`), which never reaches a server or a Referer.
  const token = new URLSearchParams(useLocation().hash.slice(1)).get('jeton');
  return token ? <ResetPassword token={token} /> : <RequestReset />;
}

function RequestReset() {
  return (
    <RecoveryRequest
      title="J'ai oublié mon mot de passe"
      field={{ label: 'Votre identifiant', name: 'identifier', autoComplete: 'username' }}
      send={async (identifier) => unwrap(await api.POST('/v1/recovery/password', { body: { identifier } }))}
    />
  );
}

function ResetPassword({ token }: { token: string }) {
  usePageTitle('Réinitialisation du mot de passe');
  const navigate = useNavigate();
  const question = useQuery({
    queryKey: ['reset-question', token],
    queryFn: async () => unwrap(await api.POST('/v1/recovery/password/question', { body: { token } })),
  });
  const reset = useMutation({
    mutationFn: async (body: { secretAnswer?: string; newPassword: string; confirmation: string }) =>
      unwrap(await api.POST('/v1/recovery/password/reset', { body: { token, ...body } })),
    onSuccess: () =>
      navigate('/connexion', {
        replace: true,
        state: {
          message: 'Votre mot de passe a été réinitialisé. Connectez-vous avec le nouveau mot de passe.',
        },
      }),
  });
  const errors = fieldErrorsOf(reset.error);
  const secretQuestion = question.data?.secretQuestion;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-7">
        <h1>Réinitialisation du mot de passe</h1>
        <ProblemAlert error={question.error ?? reset.error} />
        {question.isSuccess && (
          <>
            <p>{PASSWORD_RULES_TEXT}</p>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const data = new FormData(event.currentTarget);
                reset.mutate({
                  ...(secretQuestion ? { secretAnswer: String(data.get('secretAnswer')) } : {}),
                  newPassword: String(data.get('newPassword')),
                  confirmation: String(data.get('confirmation')),
                });
              }}
            >
              {secretQuestion && (
                <TextField
                  label={`Question secrète : ${secretQuestion}`}
                  hint="Entrez la réponse"
                  name="secretAnswer"
                  errors={errors}
                  autoComplete="off"
                />
              )}
              <NewPasswordFields errors={errors} identifier="" />
              <Button type="submit" disabled={reset.isPending}>
                Changement du mot de passe
              </Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

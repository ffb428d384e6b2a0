import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { PasswordChecklist } from '../auth/PasswordChecklist.tsx';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { PASSWORD_RULES_TEXT } from './ChangePasswordPage.tsx';

/** "J'ai oublié mon mot de passe": the request form, or the reset form when opened from the emailed link. */
export default function ForgottenPasswordPage() {
  // The reset token travels in the fragment (`#jeton=…`), which never reaches a server or a Referer.
  const token = new URLSearchParams(useLocation().hash.slice(1)).get('jeton');
  return token ? <ResetPassword token={token} /> : <RequestReset />;
}

function RequestReset() {
  usePageTitle("J'ai oublié mon mot de passe");
  const request = useMutation({
    mutationFn: async (identifier: string) =>
      unwrap(await api.POST('/v1/recovery/password', { body: { identifier } })),
  });
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-6">
        <h1>J'ai oublié mon mot de passe</h1>
        {request.isSuccess ? (
          <div role="status">
            <Alert severity="success" small description={request.data.message} />
          </div>
        ) : (
          <>
            <ProblemAlert error={request.error} />
            <form
              onSubmit={(event) => {
                event.preventDefault();
                request.mutate(String(new FormData(event.currentTarget).get('identifier')));
              }}
            >
              <TextField
                label="Votre identifiant"
                name="identifier"
                errors={fieldErrorsOf(request.error)}
                autoComplete="username"
              />
              <Button type="submit" disabled={request.isPending}>
                Envoyer
              </Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

function ResetPassword({ token }: { token: string }) {
  usePageTitle('Réinitialisation du mot de passe');
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
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
              <TextField
                label="Entrez le nouveau mot de passe :"
                name="newPassword"
                type="password"
                errors={errors}
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
              <PasswordChecklist id="regles-mot-de-passe" password={password} identifier="" />
              <TextField
                label="Confirmez le nouveau mot de passe :"
                name="confirmation"
                type="password"
                errors={errors}
                autoComplete="new-password"
              />
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

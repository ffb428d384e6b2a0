import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { NewPasswordFields, PASSWORD_RULES_TEXT } from '../auth/NewPasswordFields.tsx';
import { nextPageAfterLogin, readSession, saveSession } from '../auth/session.ts';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

/** "Changement du mot de passe" (guide, step 11): first login, or later from "Mon compte". */
export default function ChangePasswordPage() {
  usePageTitle('Changement du mot de passe');
  const navigate = useNavigate();
  const session = readSession();
  const change = useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string; confirmation: string }) =>
      unwrap(await api.PUT('/v1/me/password', { body })),
    onSuccess: (renewed) => {
      if (!session) return;
      const saved = { ...session, token: renewed.token, pendingSteps: renewed.pendingSteps };
      saveSession(saved);
      navigate(nextPageAfterLogin(saved));
    },
  });
  if (!session) return <Navigate to="/connexion" replace />;
  const errors = fieldErrorsOf(change.error);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-7">
        <h1>Changement du mot de passe pour {session.identifier}</h1>
        <p>{PASSWORD_RULES_TEXT}</p>
        <ProblemAlert error={change.error} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            change.mutate({
              currentPassword: String(data.get('currentPassword')),
              newPassword: String(data.get('newPassword')),
              confirmation: String(data.get('confirmation')),
            });
          }}
        >
          <TextField
            label="Entrez l'ancien mot de passe :"
            name="currentPassword"
            type="password"
            errors={errors}
            autoComplete="current-password"
          />
          <NewPasswordFields errors={errors} identifier={session.identifier} />
          <Button type="submit" disabled={change.isPending}>
            Changement du mot de passe
          </Button>
        </form>
      </div>
    </div>
  );
}

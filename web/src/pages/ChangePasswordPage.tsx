import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { PasswordChecklist } from '../auth/PasswordChecklist.tsx';
import { nextPageAfterLogin, readSession, saveSession } from '../auth/session.ts';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

export const PASSWORD_RULES_TEXT =
  'Le mot de passe doit être différent de l’identifiant et comporter 8 caractères minimum dont 1 chiffre et 1 caractère spécial minimum (exemples: .,;?!:%#). Les caractères accentués ne sont pas autorisés.';

/** "Changement du mot de passe" (guide, step 11): first login, or later from "Mon compte". */
export default function ChangePasswordPage() {
  usePageTitle('Changement du mot de passe');
  const navigate = useNavigate();
  const session = readSession();
  const [password, setPassword] = useState('');
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
          <TextField
            label="Entrez le nouveau mot de passe :"
            name="newPassword"
            type="password"
            errors={errors}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <PasswordChecklist id="regles-mot-de-passe" password={password} identifier={session.identifier} />
          <TextField
            label="Confirmez le nouveau mot de passe :"
            name="confirmation"
            type="password"
            errors={errors}
            autoComplete="new-password"
          />
          <Button type="submit" disabled={change.isPending}>
            Changement du mot de passe
          </Button>
        </form>
      </div>
    </div>
  );
}

import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { nextPageAfterLogin, saveSession } from '../auth/session.ts';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

/** "Accéder à mon espace personnel" (guide, step 10). */
export default function LoginPage() {
  usePageTitle('Se connecter');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = useLocation().state as { expired?: boolean; message?: string } | null;
  const login = useMutation({
    mutationFn: async (body: { identifier: string; password: string }) => ({
      identifier: body.identifier,
      session: unwrap(await api.POST('/v1/sessions', { body })),
    }),
    onSuccess: ({ identifier, session }) => {
      const saved = {
        token: session.token,
        role: session.role,
        pendingSteps: session.pendingSteps,
        identifier,
      };
      saveSession(saved);
      queryClient.clear();
      navigate(nextPageAfterLogin(saved));
    },
  });
  const errors = fieldErrorsOf(login.error);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-6">
        <h1>Accéder à mon espace personnel</h1>
        {state?.expired && (
          <Alert
            className="fr-mb-3w"
            severity="warning"
            small
            description="Votre session a expiré. Veuillez vous reconnecter."
          />
        )}
        {state?.message && (
          <Alert className="fr-mb-3w" severity="success" small description={state.message} />
        )}
        <ProblemAlert error={login.error} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            login.mutate({
              identifier: String(data.get('identifier')),
              password: String(data.get('password')),
            });
          }}
        >
          <TextField label="Votre identifiant" name="identifier" errors={errors} autoComplete="username" />
          <TextField
            label="Votre mot de passe"
            name="password"
            type="password"
            errors={errors}
            autoComplete="current-password"
          />
          <Button type="submit" disabled={login.isPending}>
            Valider
          </Button>
        </form>
        <ul className="fr-links-group fr-mt-3w">
          <li>
            <Link className="fr-link" to="/identifiant-oublie">
              J'ai oublié mon identifiant
            </Link>
          </li>
          <li>
            <Link className="fr-link" to="/mot-de-passe-oublie">
              J'ai oublié mon mot de passe
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

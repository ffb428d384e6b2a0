import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { nextPageAfterLogin, readSession, saveSession } from '../auth/session.ts';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

/** "Positionnement de la question secrète" (guide, step 12). */
export default function SecretQuestionPage() {
  usePageTitle('Positionnement de la question secrète');
  const navigate = useNavigate();
  const session = readSession();
  const save = useMutation({
    mutationFn: async (body: { question: string; answer: string }) =>
      unwrap(await api.PUT('/v1/me/secret-question', { body })),
    onSuccess: (result) => {
      if (!session) return;
      const saved = { ...session, pendingSteps: result.pendingSteps };
      saveSession(saved);
      navigate(nextPageAfterLogin(saved));
    },
  });
  if (!session) return <Navigate to="/connexion" replace />;
  const errors = fieldErrorsOf(save.error);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-7">
        <h1>Positionnement de la question secrète pour {session.identifier}</h1>
        <p>Elle vous sera posée si vous oubliez votre mot de passe.</p>
        <ProblemAlert error={save.error} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            save.mutate({ question: String(data.get('question')), answer: String(data.get('answer')) });
          }}
        >
          <TextField label="Entrez la question secrète :" name="question" errors={errors} />
          <TextField label="Entrez la réponse :" name="answer" errors={errors} autoComplete="off" />
          <Button type="submit" disabled={save.isPending}>
            Envoyer
          </Button>
        </form>
      </div>
    </div>
  );
}

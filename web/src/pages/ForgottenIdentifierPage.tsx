import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { fieldErrorsOf, unwrap } from '../api/problem.ts';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

/** "J'ai oublié mon identifiant": the identifier is emailed if an account has that address. */
export default function ForgottenIdentifierPage() {
  usePageTitle("J'ai oublié mon identifiant");
  const recover = useMutation({
    mutationFn: async (email: string) =>
      unwrap(await api.POST('/v1/recovery/identifier', { body: { email } })),
  });
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-6">
        <h1>J'ai oublié mon identifiant</h1>
        {recover.isSuccess ? (
          <div role="status">
            <Alert severity="success" small description={recover.data.message} />
          </div>
        ) : (
          <>
            <ProblemAlert error={recover.error} />
            <form
              onSubmit={(event) => {
                event.preventDefault();
                recover.mutate(String(new FormData(event.currentTarget).get('email')));
              }}
            >
              <TextField
                label="Adresse électronique"
                hint="L'adresse donnée lors de votre demande d'enrôlement"
                name="email"
                type="email"
                errors={fieldErrorsOf(recover.error)}
                autoComplete="email"
              />
              <Button type="submit" disabled={recover.isPending}>
                Envoyer
              </Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation } from '@tanstack/react-query';
import { fieldErrorsOf } from '../api/problem.ts';
import { ProblemAlert, TextField } from '../components/Form.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

/**
 * A forgotten-credential request ("J'ai oublié mon identifiant / mon mot de passe"): one field
 * sent to the API, whose answer (the same whether or not an account matches) replaces the form.
 */
export function RecoveryRequest({
  title,
  field,
  send,
}: {
  title: string;
  field: { label: string; hint?: string; name: string; type?: string; autoComplete: string };
  send: (value: string) => Promise<{ message: string }>;
}) {
  usePageTitle(title);
  const request = useMutation({ mutationFn: send });
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-6">
        <h1>{title}</h1>
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
                request.mutate(String(new FormData(event.currentTarget).get(field.name)));
              }}
            >
              <TextField {...field} errors={fieldErrorsOf(request.error)} />
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

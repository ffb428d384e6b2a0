import { api } from '../api/client.ts';
import { unwrap } from '../api/problem.ts';
import { RecoveryRequest } from '../auth/RecoveryRequest.tsx';

/** "J'ai oublié mon identifiant": the identifier is emailed if an account has that address. */
export default function ForgottenIdentifierPage() {
  return (
    <RecoveryRequest
      title="J'ai oublié mon identifiant"
      field={{
        label: 'Adresse électronique',
        hint: "L'adresse donnée lors de votre demande d'enrôlement",
        name: 'email',
        type: 'email',
        autoComplete: 'email',
      }}
      send={async (email) => unwrap(await api.POST('/v1/recovery/identifier', { body: { email } }))}
    />
  );
}

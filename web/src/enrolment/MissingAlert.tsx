import { Alert } from '@codegouvfr/react-dsfr/Alert';

/** After a save, the step's elements the server still lists as missing. */
export function MissingAlert({ missing }: { missing: Record<string, string> }) {
  const messages = Object.values(missing);
  if (messages.length === 0) return null;
  return (
    <Alert
      className="fr-mb-3w"
      severity="warning"
      title="Étape enregistrée, mais incomplète"
      description={
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      }
    />
  );
}

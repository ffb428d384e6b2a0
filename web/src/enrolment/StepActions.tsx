import { Button } from '@codegouvfr/react-dsfr/Button';

/** The buttons under every step: "Étape précédente" ("Retour" on step 1), "Réinitialiser", "Quitter sans enregistrer", next. */
export function StepActions({
  onPrevious,
  previousLabel = 'Étape précédente',
  onReset,
  onQuit,
  nextLabel = 'Étape suivante',
  busy,
}: {
  onPrevious?: () => void;
  previousLabel?: string;
  onReset?: () => void;
  onQuit: () => void;
  nextLabel?: string;
  busy: boolean;
}) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
      {onPrevious && (
        <li>
          <Button type="button" priority="secondary" iconId="fr-icon-arrow-left-line" onClick={onPrevious}>
            {previousLabel}
          </Button>
        </li>
      )}
      {onReset && (
        <li>
          <Button type="button" priority="tertiary" iconId="fr-icon-refresh-line" onClick={onReset}>
            Réinitialiser
          </Button>
        </li>
      )}
      <li>
        <Button type="button" priority="tertiary" iconId="fr-icon-close-circle-line" onClick={onQuit}>
          Quitter sans enregistrer
        </Button>
      </li>
      <li>
        <Button type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right" disabled={busy}>
          {nextLabel}
        </Button>
      </li>
    </ul>
  );
}

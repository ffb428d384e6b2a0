import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';

/**
 * A DSFR radio group for one controlled choice among `choices` ([value, label] pairs), in its
 * error state with the server's message for `field` (`errors[].path` of the problem).
 */
export function ChoiceRadios<T>({
  legend,
  field,
  errors,
  choices,
  value,
  onChange,
  orientation,
}: {
  legend: string;
  field: string;
  errors: Record<string, string>;
  choices: readonly (readonly [T, string])[];
  value: T | undefined;
  onChange: (value: T) => void;
  orientation?: 'horizontal';
}) {
  const message = errors[field];
  return (
    <RadioButtons
      legend={legend}
      orientation={orientation}
      state={message ? 'error' : 'default'}
      stateRelatedMessage={message}
      options={choices.map(([choice, label]) => ({
        label,
        nativeInputProps: { checked: value === choice, onChange: () => onChange(choice) },
      }))}
    />
  );
}

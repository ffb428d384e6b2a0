import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { InputHTMLAttributes } from 'react';
import { ApiProblem } from '../api/problem.ts';

/** The API's `detail` (or a network failure) in a DSFR alert, announced to screen readers. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const description =
    error instanceof ApiProblem
      ? error.detail
      : 'Le service est injoignable. Vérifiez votre connexion et réessayez.';
  // The DSFR alert has role="alert": announced as soon as it appears.
  return <Alert className="fr-mb-3w" severity="error" small description={description} />;
}

/**
 * A DSFR text input whose error state shows the server's message for its path (`errors[].path`
 * of the problem), linked to the input by aria-describedby.
 */
export function TextField({
  label,
  name,
  errors,
  hint,
  ...input
}: {
  label: string;
  name: string;
  errors: Record<string, string>;
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const message = errors[name];
  return (
    <Input
      label={label}
      hintText={hint}
      state={message ? 'error' : 'default'}
      stateRelatedMessage={message}
      nativeInputProps={{ name, id: `champ-${name}`, ...input }}
    />
  );
}

/** FormData → nested object: the field name `address.codePostal` sets `{ address: { codePostal } }`. */
export function formObject(form: HTMLFormElement): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string') continue;
    const parts = name.split('.');
    let target = result;
    for (const part of parts.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts.at(-1) as string] = value;
  }
  return result;
}

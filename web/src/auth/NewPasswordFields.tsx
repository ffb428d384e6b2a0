import { useState } from 'react';
import { TextField } from '../components/Form.tsx';
import { PasswordChecklist } from './PasswordChecklist.tsx';

export const PASSWORD_RULES_TEXT =
  'Le mot de passe doit être différent de l’identifiant et comporter 8 caractères minimum dont 1 chiffre et 1 caractère spécial minimum (exemples: .,;?!:%#). Les caractères accentués ne sont pas autorisés.';

/**
 * The new password and its confirmation (form fields `newPassword` and `confirmation`), with the
 * guide's rules ticked as the user types; `identifier` is what the password must differ from.
 */
export function NewPasswordFields({
  errors,
  identifier,
}: {
  errors: Record<string, string>;
  identifier: string;
}) {
  const [password, setPassword] = useState('');
  return (
    <>
      <TextField
        label="Entrez le nouveau mot de passe :"
        name="newPassword"
        type="password"
        errors={errors}
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <PasswordChecklist id="regles-mot-de-passe" password={password} identifier={identifier} />
      <TextField
        label="Confirmez le nouveau mot de passe :"
        name="confirmation"
        type="password"
        errors={errors}
        autoComplete="new-password"
      />
    </>
  );
}

/**
 * The guide's password rules, ticked while the user types (the one rule the browser checks
 * itself, as a help only: the server's verdict is what counts and shows under the field).
 */
const RULES: { label: string; met: (password: string, identifier: string) => boolean }[] = [
  { label: '8 caractères minimum', met: (p) => p.length >= 8 },
  { label: '1 chiffre minimum', met: (p) => /\d/.test(p) },
  { label: '1 caractère spécial minimum (exemples : .,;?!:%#)', met: (p) => /[^\p{L}\p{N}\s]/u.test(p) },
  {
    label: 'différent de l’identifiant',
    met: (p, id) => p.length > 0 && p.toLowerCase() !== id.toLowerCase(),
  },
  { label: 'sans caractère accentué', met: (p) => p.length > 0 && /^[\x20-\x7e]*$/.test(p) },
];

export function PasswordChecklist({
  password,
  identifier,
  id,
}: {
  password: string;
  identifier: string;
  id: string;
}) {
  return (
    <div className="fr-messages-group" id={id} aria-live="polite">
      <p className="fr-message">Votre mot de passe doit contenir :</p>
      {RULES.map((rule) => {
        const met = rule.met(password, identifier);
        return (
          <p key={rule.label} className={`fr-message ${met ? 'fr-message--valid' : 'fr-message--info'}`}>
            {rule.label}
            <span className="fr-sr-only">{met ? ' : respecté' : ' : non respecté'}</span>
          </p>
        );
      })}
    </div>
  );
}

import { describe, expect, it } from 'vitest';
import {
  forgottenIdentifierEmail,
  identifierEmail,
  passwordResetEmail,
  temporaryPasswordEmail,
} from '#shared/accounts/emails.ts';

const portalUrl = 'https://segurnum.example';

describe('account emails', () => {
  it('sends the identifier and the temporary password in two separate emails', () => {
    const identifier = identifierEmail({
      identifier: 'marie.dupont',
      enrolmentNumber: 'ENR0011M0',
      portalUrl,
    });
    const password = temporaryPasswordEmail({
      password: 'a<b&c.9X',
      expiresAt: '2026-12-04T10:00:00Z',
      portalUrl,
    });
    expect(identifier.text).toContain('- Identifiant\u00a0: marie.dupont');
    expect(identifier.text).toContain('- Demande d’enrôlement\u00a0: ENR0011M0');
    expect(identifier.text).not.toMatch(/Mot de passe provisoire\s:/);
    expect(password.text).toContain('- Mot de passe provisoire\u00a0: a<b&c.9X');
    expect(password.html).toContain('a&lt;b&amp;c.9X');
    expect(password.text).toContain('04/12/2026');
    expect(password.text).not.toContain('marie.dupont');
    expect(identifier.text).toContain(`${portalUrl}/connexion`);
  });

  it('puts the reset token in the link fragment, never in a query string', () => {
    const email = passwordResetEmail({ token: 'abc_DEF-123', validityMinutes: 30, portalUrl });
    expect(email.text).toContain(`${portalUrl}/mot-de-passe-oublie#jeton=abc_DEF-123`);
    expect(email.text).toContain('valable 30 minutes');
    expect(email.subject).toContain('Réinitialisation de votre mot de passe');
  });

  it('lists every identifier of the address in the forgotten-identifier email', () => {
    const email = forgottenIdentifierEmail({ identifiers: ['marie.dupont', 'marie.dupont2'], portalUrl });
    expect(email.text).toContain('- Identifiant\u00a0: marie.dupont\n- Identifiant\u00a0: marie.dupont2');
  });
});

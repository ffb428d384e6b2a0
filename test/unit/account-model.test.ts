import { describe, expect, it } from 'vitest';
import { identifierWords, normaliseSecretAnswer } from '../../shared/accounts/model.ts';
import { violatedPasswordRules } from '../../shared/accounts/password-policy.ts';
import { generateTemporaryPassword } from '../../shared/accounts/temporary-password.ts';

describe('account model rules', () => {
  it('builds readable ASCII identifiers from names', () => {
    expect(identifierWords('Éloïse', 'Dupont-Lefèvre')).toBe('eloise.dupont.lefevre');
    expect(identifierWords('  Jean-Noël ', "D'Aubigné")).toBe('jean.noel.d.aubigne');
    expect(identifierWords('', '')).toBe('');
  });

  it('compares secret answers ignoring case, accents, spaces and punctuation', () => {
    expect(normaliseSecretAnswer('  Saint-Étienne ')).toBe('saint etienne');
    expect(normaliseSecretAnswer('MÉDOR   le chien')).toBe(normaliseSecretAnswer('medor le chien'));
    expect(normaliseSecretAnswer('Rex')).not.toBe(normaliseSecretAnswer('medor'));
  });

  it('generates temporary passwords that satisfy the policy and differ each time', () => {
    const passwords = Array.from({ length: 200 }, generateTemporaryPassword);
    expect(new Set(passwords).size).toBe(200);
    for (const password of passwords) {
      expect(password).toHaveLength(16);
      expect(violatedPasswordRules(password, { identifier: 'x.y' })).toEqual([]);
    }
  });
});

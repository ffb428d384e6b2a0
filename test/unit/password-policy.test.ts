import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCommonPassword,
  PASSWORD_RULE_MESSAGES,
  violatedPasswordRules,
} from '#shared/accounts/password-policy.ts';

const context = { identifier: 'marie.dupont' };

describe('password policy', () => {
  it('accepts a password that follows every rule', () => {
    expect(violatedPasswordRules('Messagerie.Sure42', context)).toEqual([]);
  });

  it.each([
    ['Court1!', 'minLength'],
    [`${'Ab'.repeat(64)}1!`, 'maxLength'],
    ['SansChiffre!', 'digit'],
    ['SansSpecial12', 'specialCharacter'],
    ['Çà-et-là-123', 'noAccentedCharacters'],
    ['Password1!', 'notCommon'],
  ])('rejects %s for rule %s only', (password, rule) => {
    expect(violatedPasswordRules(password, context)).toEqual([rule]);
  });

  it('names every rule broken at once, with the guide’s French wording', () => {
    const rules = violatedPasswordRules('été', context);
    expect(rules).toEqual(['minLength', 'digit', 'specialCharacter', 'noAccentedCharacters']);
    expect(PASSWORD_RULE_MESSAGES.specialCharacter).toContain('.,;?!:%#');
    expect(PASSWORD_RULE_MESSAGES.noAccentedCharacters).toBe(
      'Les caractères accentués ne sont pas autorisés.',
    );
  });

  it('refuses the identifier (any case) and the previous password', () => {
    expect(violatedPasswordRules('Jean.Dupont1!', { identifier: 'jean.dupont1!' })).toContain(
      'differentFromIdentifier',
    );
    expect(violatedPasswordRules('Ancien-Mot-2', { ...context, previousPassword: 'Ancien-Mot-2' })).toEqual([
      'differentFromPrevious',
    ]);
  });

  it('sees through capitals, trailing digits or specials and leetspeak in common passwords', () => {
    for (const password of ['Azerty123!', 'P@ssw0rd!', 'Soleil2024?', '!!Motdepasse1', 'Marseille13#']) {
      expect(isCommonPassword(password), password).toBe(true);
    }
    expect(isCommonPassword('Messagerie.Sure42')).toBe(false);
  });

  it('counts every printable ASCII special character, the guide’s examples included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'.,;?!:%#-_@+=*/()[]{}<>$&~^|\\\'"`'), (special) => {
        expect(violatedPasswordRules(`Bateau${special}Vert9`, context)).toEqual([]);
      }),
    );
  });
});

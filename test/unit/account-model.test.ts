import { describe, expect, it } from 'vitest';
import { identifierFromName, normaliseSecretAnswer } from '#shared/accounts/model.ts';
import { violatedPasswordRules } from '#shared/accounts/password-policy.ts';
import { generateTemporaryPassword } from '#shared/accounts/temporary-password.ts';

describe('account model rules', () => {
  it.each([
    ['Élodie', "N'Guyen", 'elodie.nguyen'],
    ['Jean-Noël', "D'Aubigné", 'jean-noel.daubigne'],
    ['Jean', 'd’Ormesson', 'jean.dormesson'],
    ['Hélène', "O'Connor", 'helene.oconnor'],
    ['Éloïse', 'Dupont-Lefèvre', 'eloise.dupont-lefevre'],
    ['Anne-Sophie', 'Saint-Exupéry', 'anne-sophie.saint-exupery'],
    ['Charles', 'de Gaulle', 'charles.de-gaulle'],
    ['Marie-Claire', 'de La Fontaine', 'marie-claire.de-la-fontaine'],
    ['Joachim', 'Du Bellay', 'joachim.du-bellay'],
    ['Yann', 'Le Goff', 'yann.le-goff'],
    ['Lætitia', 'Cœur', 'laetitia.coeur'],
    ['  François  ', ' MARTIN ', 'francois.martin'],
    ['Nguyen Van', 'Thanh', 'nguyen-van.thanh'],
    ['Marie-Christine-Églantine', 'de La Rochefoucauld-Montbel', 'marie.de-la-rochefoucauld-montbel'],
    ['Pierre', 'Montmorency-Laval-Beaufort-Saint-Germain', 'pierre.montmorency-laval-beaufort-saint'],
    [
      'Jean',
      'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft',
      'jean.wolfeschlegelsteinhausenbergerdorff',
    ],
    ['李', 'Wang', 'wang'],
    ['', '', ''],
  ])('identifier of %s %s is %s', (prenom, nom, expected) => {
    expect(identifierFromName(prenom, nom)).toBe(expected);
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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBankTable } from '#shared/enrolment/french-bank-registry.ts';
import { bankCodeOf, frenchBankName } from '#shared/enrolment/french-banks.ts';

const dataFile = JSON.parse(
  readFileSync(new URL('../../shared/enrolment/french-banks.json', import.meta.url), 'utf8'),
);

describe('French bank codes → domiciliation', () => {
  it('knows the bank of the issue (30006) and the usual networks', () => {
    expect(frenchBankName('30006')).toBe('CREDIT AGRICOLE SA');
    expect(frenchBankName('30004')).toBe('BNP PARIBAS');
    expect(frenchBankName('30003')).toBe('SOCIETE GENERALE');
    expect(frenchBankName('20041')).toBe('LA BANQUE POSTALE');
    expect(frenchBankName('17515')).toBe("CAISSE D'EPARGNE ET DE PREVOYANCE ILE-DE-FRANCE");
    expect(frenchBankName('16958')).toBe('OLINDA');
    expect(frenchBankName('99999')).toBeUndefined();
    expect(frenchBankName('__proto__')).toBeUndefined();
  });

  it('the data file names its source and date, and every code in it has a name', () => {
    expect(dataFile.source).toContain('schwifty');
    expect(dataFile.sourceUrl).toMatch(/^https:\/\//);
    expect(dataFile.retrievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const codes = Object.keys(dataFile.banks);
    expect(codes).toHaveLength(dataFile.count);
    expect(codes.length).toBeGreaterThanOrEqual(200);
    for (const code of codes) {
      expect(code).toMatch(/^\d{5}$/);
      expect(frenchBankName(code)).toBe(dataFile.banks[code]);
      expect(frenchBankName(code)?.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('a lookup key is a code établissement or the first nine characters of a French IBAN', () => {
    expect(bankCodeOf('30006')).toBe('30006');
    expect(bankCodeOf('FR7630006')).toBe('30006');
    expect(bankCodeOf('fr7630006')).toBe('30006');
    expect(bankCodeOf('MC5811222')).toBe('11222');
    expect(bankCodeOf('GP1120041')).toBe('20041');
    expect(bankCodeOf('DE8937040')).toBeUndefined();
    expect(bankCodeOf('FR7630006000011234567890189')).toBeUndefined();
    expect(bankCodeOf('3000')).toBeUndefined();
  });
});

describe('building the table from the registry', () => {
  const entry = (bank_code: string, bic: string, name: string, country_code = 'FR') => ({
    country_code,
    bank_code,
    bic,
    name,
    short_name: name,
    primary: true,
  });

  it("a code's own BIC names it rather than its network's shared BIC", () => {
    const table = buildBankTable([
      entry('11425', 'CEPAFRPP142', "CAISSE D'EPARGNE ET DE PREVOYANCE DE NORMANDIE"),
      entry('11425', 'CEPAFRPPXXX', "CAISSE D'EPARGNE CEPAC"),
      entry('13485', 'CEPAFRPPXXX', "CAISSE D'EPARGNE CEPAC"),
    ]);
    expect(table).toEqual({
      '11425': "CAISSE D'EPARGNE ET DE PREVOYANCE DE NORMANDIE",
      '13485': "CAISSE D'EPARGNE CEPAC",
    });
  });

  it('the name listed most often wins, placeholders and foreign or malformed codes are skipped', () => {
    const table = buildBankTable([
      entry('10268', 'COURFR2T', 'BANQUE COURTOIS'),
      entry('10268', 'COURFR2TXXX', 'BANQUE COURTOIS'),
      entry('10268', 'NORDFR2T', 'CREDIT DU NORD'),
      entry('12939', 'BDUPFR2SXXX', 'B'),
      entry('12345', 'DEUTDEFF', 'DEUTSCHE BANK', 'DE'),
      entry('1234', 'ABCDFRPP', 'TROP COURT'),
      entry('11907', 'CCBPFRPQ', '  Banque populaire  du Massif central '),
    ]);
    expect(table).toEqual({
      '10268': 'BANQUE COURTOIS',
      '11907': 'BANQUE POPULAIRE DU MASSIF CENTRAL',
    });
  });

  it('applies the corrections of known errors of the source', () => {
    const table = buildBankTable([
      entry('30003', 'SOGEFRPPHPO', 'Inter Europe Conseil SAS'),
      entry('30003', 'SOGEFRPPXXX', 'Inter Europe Conseil SAS'),
      entry('30003', 'SOGEFRPP', 'SOCIETE GENERALE SA'),
    ]);
    expect(table).toEqual({ '30003': 'SOCIETE GENERALE' });
  });

  it('refuses a source that is not a list', () => {
    expect(() => buildBankTable({ banks: [] })).toThrow('The registry is not a JSON array.');
  });
});

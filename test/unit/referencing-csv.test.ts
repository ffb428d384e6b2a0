import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseReferencingCsv } from '#shared/enrolment/referencing-csv.ts';

describe('ANS referencing CSV', () => {
  it('imports valid lines and reports refused ones with their line number', () => {
    const result = parseReferencingCsv(readFileSync('test/fixtures/referencements-ans.csv', 'utf8'));
    expect(result.records.map((r) => r.number)).toEqual(['tstMSS0201', 'tstMSS0202', 'tstLGC0003']);
    expect(result.records[0]).toMatchObject({
      solutionName: 'Messagerie "Santé+"',
      developerSiret: '39177919600040',
      couloir: 'MSS',
    });
    expect(result.records[1]?.couloir).toBe('MSS');
    expect(result.rejected).toEqual([
      { line: 5, reason: 'N° de référencement invalide' },
      { line: 6, reason: 'SIRET invalide' },
    ]);
  });
  it('parses commas, quotes with separators and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y",z\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'z'],
    ]);
  });
  it('names a missing column', () => {
    expect(() => parseReferencingCsv('Couloir;Vague\nMSS;1')).toThrow(/Colonne manquante/);
  });
});

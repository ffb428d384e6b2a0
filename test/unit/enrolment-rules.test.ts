import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildApplicantStep } from '#shared/enrolment/applicant.ts';
import { checkBankDetails } from '#shared/enrolment/bank.ts';
import { draftTokenMatches, hashDraftToken, newDraftToken } from '#shared/enrolment/draft-token.ts';
import { fileNameMatchesType, judgeUpload, MAX_DOCUMENT_BYTES } from '#shared/enrolment/file-rules.ts';
import type { ApplicantStep, Enrolment } from '#shared/enrolment/model.ts';
import { controlKey, formatEnrolmentNumber } from '#shared/enrolment/number.ts';
import { isBuyerOperator, requiredDocuments, stepStatuses } from '#shared/enrolment/requirements.ts';
import { isValidSiret, luhnSum } from '#shared/enrolment/siret.ts';

describe('SIRET', () => {
  it('accepts the guide sample and the demo developer, refuses a wrong key', () => {
    expect(isValidSiret('47992882200069')).toBe(true);
    expect(isValidSiret('39177919600040')).toBe(true);
    expect(isValidSiret('47992882200068')).toBe(false);
    expect(isValidSiret('39177919600041')).toBe(false);
  });
  it('refuses anything but 14 digits', () => {
    for (const value of ['4799288220006', '479928822000690', '4799288220006A', '', '479 928 822 00069'])
      expect(isValidSiret(value)).toBe(false);
  });
  it('La Poste: a SIRET failing Luhn is accepted when its digit sum is a multiple of 5', () => {
    expect(luhnSum('35600000000010') % 10).not.toBe(0);
    expect(isValidSiret('35600000000010')).toBe(true);
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000000011')).toBe(false);
    // The exception is La Poste's only: the same digit sum elsewhere is not enough.
    expect(isValidSiret('35700000000010')).toBe(false);
  });
  it('any single-digit change of a valid non-La Poste SIRET is refused (Luhn property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = [...'47992882200069'].map(Number);
        digits[position] = ((digits[position] as number) + delta) % 10;
        expect(isValidSiret(digits.join(''))).toBe(false);
      }),
    );
  });
});

describe('IBAN and BIC', () => {
  it('normalises a valid French IBAN and BIC', () => {
    const checked = checkBankDetails('fr76 3000 4000 0312 3456 7890 143', 'bnpafrpp');
    expect(checked).toEqual({
      ok: true,
      iban: 'FR7630004000031234567890143',
      bic: 'BNPAFRPP',
      countryCode: 'FR',
    });
  });
  it('refuses a wrong IBAN key, a malformed BIC, and a BIC of another country', () => {
    expect(checkBankDetails('FR7630004000031234567890144', 'BNPAFRPP')).toEqual({
      ok: false,
      errors: [{ field: 'iban', message: "L'IBAN est invalide." }],
    });
    expect(checkBankDetails('FR7630004000031234567890143', 'BNP1')).toMatchObject({
      ok: false,
      errors: [{ field: 'bic' }],
    });
    expect(checkBankDetails('FR7630004000031234567890143', 'DEUTDEFF')).toEqual({
      ok: false,
      errors: [{ field: 'bic', message: "Le BIC ne correspond pas au pays de l'IBAN." }],
    });
  });
  it('accepts a French BIC for an overseas IBAN (Réunion)', () => {
    expect(checkBankDetails('RE0730004000031234567890143', 'BNPAFRPP').ok).toBe(true);
  });
});

const applicant = (overrides: Partial<ApplicantStep> = {}): ApplicantStep => ({
  siret: '39177919600040',
  denominationSociale: 'PROCIVIS IMMOBILIER',
  registeredDenomination: 'PROCIVIS IMMOBILIER',
  nomCommercial: 'Procivis',
  address: { typeVoie: 'CHEM', nomVoie: 'DE MONS', codePostal: '59009', commune: 'VILLENEUVE D ASCQ' },
  isBuyerOperator: false,
  isLegalRepresentative: true,
  representative: { nom: 'Martin', prenom: 'Camille', email: 'a@example.fr', telephone: '0123456789' },
  ...overrides,
});

const enrolment = (overrides: Partial<Enrolment> = {}): Enrolment => ({
  id: 'e1',
  status: 'BROUILLON',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  draftTokenHash: 'x',
  referencing: {
    number: 'zbuMSS0046',
    dsr: { couloir: 'MSS', label: 'MSS Opérateurs', typeLogiciel: 'Opérateur MSS', vague: 'Vague 1' },
    solutionName: 'S',
    developerSiret: '39177919600040',
    developerName: 'PROCIVIS IMMOBILIER',
  },
  documents: {},
  ...overrides,
});

describe('document requirements', () => {
  it('developer operator, legal representative, TTC: the four base documents', () => {
    expect(requiredDocuments(enrolment({ applicant: applicant(), vat: { regime: 'TTC_20' } }))).toEqual([
      'certificatReferencement',
      'contratOperateur',
      'pieceIdentiteRepresentant',
      'rib',
    ]);
  });
  it('changed dénomination → Kbis; buyer → bon de commande; HT → attestation', () => {
    const answers = enrolment({
      applicant: applicant({ siret: '47992882200069', denominationSociale: 'NOUVEAU NOM' }),
      vat: { regime: 'HT' },
    });
    expect(isBuyerOperator(answers)).toBe(true);
    expect(requiredDocuments(answers)).toEqual(
      expect.arrayContaining(['kbis', 'bonDeCommande', 'attestationNonAssujettissement']),
    );
  });
  it('tiers déclarant: dépositaire ID plus contrat de prestation or mandat by capacity', () => {
    const base = { isLegalRepresentative: false, depositaire: applicant().representative };
    const centre = requiredDocuments(
      enrolment({ applicant: applicant({ ...base, tiersDeclarantCapacity: 'CENTRE_DE_GESTION' }) }),
    );
    expect(centre).toEqual(expect.arrayContaining(['pieceIdentiteDepositaire', 'contratPrestation']));
    expect(centre).not.toContain('mandatRepresentantLegal');
    const employee = requiredDocuments(
      enrolment({ applicant: applicant({ ...base, tiersDeclarantCapacity: 'EMPLOYE' }) }),
    );
    expect(employee).toEqual(expect.arrayContaining(['pieceIdentiteDepositaire', 'mandatRepresentantLegal']));
    expect(employee).not.toContain('contratPrestation');
  });
  it('step completeness names what is missing, per step', () => {
    const statuses = stepStatuses(enrolment({ applicant: applicant() }));
    expect(statuses.referencing.missing.map((m) => m.path)).toEqual([
      'documents.certificatReferencement',
      'documents.contratOperateur',
    ]);
    expect(statuses.bank.missing.map((m) => m.path)).toEqual(['steps.bank', 'documents.rib']);
    expect(statuses.vat).toEqual({
      complete: false,
      missing: [expect.objectContaining({ path: 'steps.vat' })],
    });
  });
});

describe('step 2 answers', () => {
  const lookedUp = {
    siret: '47992882200069',
    denominationSociale: 'ASSOCIATION SERVICES MEDIATION',
    address: applicant().address,
  };
  const person = {
    nom: 'N',
    prenom: 'P',
    email: 'x@example.fr',
    emailConfirmation: 'X@example.fr ',
    telephone: '0102030405',
  };
  const input = {
    siret: '479 928 822 00069',
    denominationSociale: 'AUTRE NOM',
    nomCommercial: 'M',
    address: applicant().address,
    isLegalRepresentative: true,
    representative: person,
  };
  it('keeps the directory dénomination as registered, so a change is visible', () => {
    const built = buildApplicantStep(input, lookedUp);
    expect(built.ok && built.step.registeredDenomination).toBe('ASSOCIATION SERVICES MEDIATION');
    expect(built.ok && built.step.siret).toBe('47992882200069');
  });
  it('refuses an email confirmation that differs, a SIRET not looked up, a tiers déclarant without dépositaire', () => {
    expect(
      buildApplicantStep(
        { ...input, representative: { ...person, emailConfirmation: 'y@example.fr' } },
        lookedUp,
      ),
    ).toEqual({
      ok: false,
      errors: [
        {
          path: 'body.representative.emailConfirmation',
          message: expect.stringContaining('Confirmation email du représentant'),
        },
      ],
    });
    expect(buildApplicantStep({ ...input, siret: '39177919600040' }, lookedUp)).toMatchObject({
      ok: false,
      errors: [{ path: 'body.siret' }],
    });
    const tiers = buildApplicantStep({ ...input, isLegalRepresentative: false }, lookedUp);
    expect(tiers.ok ? [] : tiers.errors.map((e) => e.path)).toEqual([
      'body.depositaire',
      'body.tiersDeclarantCapacity',
    ]);
  });
});

describe('justificatif files', () => {
  const pdf = new Uint8Array(Buffer.from('%PDF-1.7'));
  it('judges absence, size, and signature', () => {
    expect(judgeUpload('rib', 'application/pdf', undefined, new Uint8Array())).toEqual({
      ok: false,
      reason: "Le fichier « RIB » n'a pas été reçu : déposez-le à nouveau.",
    });
    expect(judgeUpload('rib', 'application/pdf', 0, new Uint8Array())).toEqual({
      ok: false,
      reason: 'Le fichier « RIB » est vide (0 octet) : déposez le document complet.',
    });
    expect(judgeUpload('rib', 'application/pdf', MAX_DOCUMENT_BYTES + 1, pdf)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('4 Mo'),
    });
    expect(judgeUpload('rib', 'application/pdf', MAX_DOCUMENT_BYTES, pdf)).toEqual({
      ok: true,
      size: MAX_DOCUMENT_BYTES,
    });
    expect(judgeUpload('rib', 'image/png', 8, pdf)).toMatchObject({ ok: false });
    expect(judgeUpload('rib', 'image/jpeg', 3, new Uint8Array([0xff, 0xd8, 0xff]))).toMatchObject({
      ok: true,
    });
  });
  it('matches file name extensions to the declared type', () => {
    expect(fileNameMatchesType('RIB.PDF', 'application/pdf')).toBe(true);
    expect(fileNameMatchesType('id.jpeg', 'image/jpeg')).toBe(true);
    expect(fileNameMatchesType('id.jpg', 'image/png')).toBe(false);
    expect(fileNameMatchesType('setup.exe', 'application/pdf')).toBe(false);
  });
});

describe('request numbers and draft tokens', () => {
  it('formats ENR + 4 digits + M + control key, the guide sample included', () => {
    expect(formatEnrolmentNumber(11)).toBe('ENR0011M0');
    expect(formatEnrolmentNumber(1)).toBe('ENR0001M1');
    expect(formatEnrolmentNumber(10)).toBe('ENR0010M0');
    expect(formatEnrolmentNumber(12345)).toBe(`ENR12345M${(12345 % 11) % 10}`);
    expect(controlKey(21)).toBe(10 % 10);
  });
  it('draft tokens are random, stored hashed, and match only themselves', () => {
    const token = newDraftToken();
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(newDraftToken()).not.toBe(token);
    const stored = hashDraftToken(token);
    expect(stored).not.toContain(token);
    expect(draftTokenMatches(token, stored)).toBe(true);
    expect(draftTokenMatches(newDraftToken(), stored)).toBe(false);
  });
});

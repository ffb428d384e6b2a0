import { describe, expect, it } from 'vitest';
import {
  applicantBody,
  BUYER_SIRET,
  bankBody,
  completeDraft,
  createDraft,
  DEVELOPER_SIRET,
  JPEG,
  lookupCompany,
  PDF,
  PNG,
  person,
  submit,
  upload,
} from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';

const local = useLocalCloud();

describe('enrolment: every branch of the guide, from nothing to ENR…', () => {
  it('developer operator with legal representative: summary, submission, number, workflow, audit', async () => {
    const draft = await createDraft(local.api);
    await completeDraft(local.api, draft);
    const summary = await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers);
    expect(summary.status).toBe(200);
    expect(summary.body.complete).toBe(true);
    expect(summary.body.referencing.dsr).toMatchObject({ couloir: 'MSS', label: 'MSS Opérateurs' });
    expect(summary.body.applicant.isBuyerOperator).toBe(false);
    expect(summary.body.bank).toMatchObject({
      iban: 'FR7630004000031234567890143',
      domiciliation: 'BNP PARIBAS',
    });
    expect(summary.body.requiredDocuments).toEqual([
      'certificatReferencement',
      'contratOperateur',
      'pieceIdentiteRepresentant',
      'rib',
    ]);
    // Uploaded after their step was saved: verified at submission.
    expect(Object.values(summary.body.documents).map((d: any) => d.status)).toEqual(Array(4).fill('PENDING'));

    const submitted = await submit(local.api, draft);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('DEPOSEE');
    expect(submitted.body.number).toMatch(/^ENR\d{4}M\d$/);
    expect(submitted.body.submittedAt).toBeDefined();
    expect(submitted.body.draftExpiresAt).toBeUndefined();
    // The applicant can download what it uploaded, under its file name, and nothing else.
    const link = await local.api.get(`/v1/enrolments/${draft.id}/documents/rib`, draft.headers);
    expect(link.body.fileName).toBe('rib.pdf');
    const file = await fetch(link.body.url);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''rib.pdf");
    const absent = await local.api.get(`/v1/enrolments/${draft.id}/documents/kbis`, draft.headers);
    expect([absent.status, absent.body.code]).toEqual([404, 'document_not_found']);
    expect(Object.values(submitted.body.documents).map((d: any) => [d.status, d.size > 0])).toEqual(
      Array(4).fill(['VERIFIED', true]),
    );
  });

  it('buyer operator, tiers déclarant as expert-comptable: bon de commande, dépositaire, contrat de prestation', async () => {
    const draft = await createDraft(local.api);
    const company = await lookupCompany(local.api, draft, BUYER_SIRET);
    expect(company.body).toMatchObject({
      denominationSociale: 'ASSOCIATION SERVICES MEDIATION',
      address: {
        entreeBatiment: 'CENTRE CIAL LE SAINT PIERRE',
        typeVoie: 'RUE',
        nomVoie: 'DE FIGUERAS',
        codePostal: '13700',
        commune: 'ST VICTORET',
      },
    });
    const saved = await local.api.put(
      `/v1/enrolments/${draft.id}/steps/applicant`,
      applicantBody(company.body, {
        isLegalRepresentative: false,
        depositaire: person('Durand', 'comptable@example.fr'),
        tiersDeclarantCapacity: 'CENTRE_DE_GESTION',
      }),
      draft.headers,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.applicant.isBuyerOperator).toBe(true);
    expect(saved.body.steps.applicant.missing.map((m: any) => m.path)).toEqual([
      'documents.bonDeCommande',
      'documents.pieceIdentiteRepresentant',
      'documents.pieceIdentiteDepositaire',
      'documents.contratPrestation',
    ]);
    for (const field of [
      'certificatReferencement',
      'contratOperateur',
      'bonDeCommande',
      'contratPrestation',
      'rib',
    ])
      await upload(local.api, draft, field);
    await upload(local.api, draft, 'pieceIdentiteRepresentant', PNG, 'image/png');
    await upload(local.api, draft, 'pieceIdentiteDepositaire', JPEG, 'image/jpeg');
    await local.api.put(`/v1/enrolments/${draft.id}/steps/bank`, bankBody, draft.headers);
    await local.api.put(`/v1/enrolments/${draft.id}/steps/vat`, { regime: 'TTC_8_5' }, draft.headers);
    const submitted = await submit(local.api, draft);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.applicant.tiersDeclarantCapacity).toBe('CENTRE_DE_GESTION');
  });
});

describe('enrolment: remaining branches', () => {
  it('employee of the legal person with mandat, HT regime with attestation de non-assujettissement', async () => {
    const draft = await createDraft(local.api, 'abcMSS0112');
    const company = await lookupCompany(local.api, draft, BUYER_SIRET);
    const saved = await local.api.put(
      `/v1/enrolments/${draft.id}/steps/applicant`,
      applicantBody(company.body, {
        isLegalRepresentative: false,
        depositaire: person('Bernard', 'employe@example.fr'),
        tiersDeclarantCapacity: 'EMPLOYE',
      }),
      draft.headers,
    );
    expect(saved.body.applicant.isBuyerOperator).toBe(false);
    const vat = await local.api.put(`/v1/enrolments/${draft.id}/steps/vat`, { regime: 'HT' }, draft.headers);
    expect(vat.body.requiredDocuments).toEqual([
      'certificatReferencement',
      'contratOperateur',
      'pieceIdentiteRepresentant',
      'pieceIdentiteDepositaire',
      'mandatRepresentantLegal',
      'rib',
      'attestationNonAssujettissement',
    ]);
    for (const field of vat.body.requiredDocuments) await upload(local.api, draft, field);
    await local.api.put(`/v1/enrolments/${draft.id}/steps/bank`, bankBody, draft.headers);
    const submitted = await submit(local.api, draft);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.vat.regime).toBe('HT');
  });

  it('changed dénomination sociale: the Kbis is required before submission', async () => {
    const draft = await createDraft(local.api, 'abcMSS0112');
    await completeDraft(local.api, draft, { siret: DEVELOPER_SIRET, referencingNumber: 'abcMSS0112' });
    const company = await lookupCompany(local.api, draft, DEVELOPER_SIRET);
    const renamed = await local.api.put(
      `/v1/enrolments/${draft.id}/steps/applicant`,
      applicantBody(company.body, { denominationSociale: 'PROCIVIS IMMOBILIER NORD' }),
      draft.headers,
    );
    expect(renamed.body.applicant).toMatchObject({
      denominationSociale: 'PROCIVIS IMMOBILIER NORD',
      registeredDenomination: 'PROCIVIS IMMOBILIER',
    });
    expect(renamed.body.steps.applicant.missing).toEqual([
      { path: 'documents.kbis', message: 'Le document « Kbis » est obligatoire.' },
    ]);
    const refused = await submit(local.api, draft);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: 'documents.kbis', message: 'Le document « Kbis » est obligatoire.' },
    ]);
    await upload(local.api, draft, 'kbis', PNG, 'image/png');
    const submitted = await submit(local.api, draft);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.documents.kbis.status).toBe('VERIFIED');
  });
});

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
    expect(summary.body.bank).toMatchObject({ iban: 'FR7630004000031234567890143', domiciliation: 'BNP PARIBAS' });
    expect(summary.body.requiredDocuments).toEqual([
      'certificatReferencement',
      'contratOperateur',
      'pieceIdentiteRepresentant',
      'rib',
    ]);
    expect(Object.values(summary.body.documents).every((d: any) => d.status === 'VERIFIED')).toBe(true);

    const submitted = await submit(local.api, draft);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('DEPOSEE');
    expect(submitted.body.number).toMatch(/^ENR\d{4}M\d$/);
    expect(submitted.body.submittedAt).toBeDefined();
    expect(submitted.body.draftExpiresAt).toBeUndefined();
  });

  it('buyer operator, tiers déclarant as expert-comptable: bon de commande, dépositaire, contrat de prestation', async () => {
    const draft = await createDraft(local.api);
    const company = await lookupCompany(local.api, draft, BUYER_SIRET);
    expect(company.body).toMatchObject({
      denomination: 'ASSOCIATION SERVICES MEDIATION',
      address: { entreeBatiment: 'CENTRE CIAL LE SAINT PIERRE', typeVoie: 'RUE', nomVoie: 'DE FIGUERAS', codePostal: '13700', commune: 'ST VICTORET' },
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
    for (const field of ['certificatReferencement', 'contratOperateur', 'bonDeCommande', 'contratPrestation', 'rib'])
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

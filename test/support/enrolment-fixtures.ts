import { randomUUID } from 'node:crypto';
import type { Enrolment } from '../../shared/enrolment/model.ts';
import { indexKeys, keys } from '../../shared/storage/keys.ts';
import { putItem } from '../../shared/storage/store.ts';

let sequence = 0;

/**
 * A submitted enrolment written straight into the (local) table, for tests of the workflows
 * and the back office that do not need to drive the five steps again.
 */
export async function putSubmittedEnrolment(overrides: Partial<Enrolment> = {}): Promise<Enrolment> {
  sequence += 1;
  const id = randomUUID();
  const submittedAt = new Date(Date.UTC(2026, 0, 1, 9, 0, sequence)).toISOString();
  const enrolment: Enrolment = {
    id,
    number: `ENR${String(9000 + sequence).padStart(4, '0')}T${sequence % 10}`,
    status: 'DEPOSEE',
    version: 3,
    createdAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
    draftTokenHash: 'unused',
    referencing: {
      number: 'zbuMSS0046',
      dsr: { couloir: 'MSS', label: 'MSS Opérateurs', typeLogiciel: 'Opérateur MSS', vague: 'Vague 1' },
      solutionName: 'Messagerie sécurisée PROCIVIS',
      developerSiret: '39177919600040',
      developerName: 'PROCIVIS IMMOBILIER',
    },
    applicant: {
      siret: '39177919600040',
      denominationSociale: 'PROCIVIS IMMOBILIER',
      registeredDenomination: 'PROCIVIS IMMOBILIER',
      nomCommercial: 'Procivis',
      address: {
        typeVoie: 'CHEM',
        nomVoie: 'DE MONS',
        numero: '87',
        codePostal: '59009',
        commune: 'VILLENEUVE D ASCQ',
      },
      isBuyerOperator: false,
      isLegalRepresentative: true,
      representative: {
        nom: 'Durand',
        prenom: 'Élise',
        email: `elise.durand+${sequence}@procivis.test`,
        telephone: '0320000000',
      },
    },
    bank: {
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      titulaire: 'PROCIVIS',
      domiciliation: 'CA',
    },
    vat: { regime: 'TTC_20' },
    documents: {},
    ...overrides,
  };
  await putItem({
    ...keys.enrolment(id),
    ...indexKeys.enrolmentsByStatus(enrolment.status, enrolment.submittedAt, id),
    type: 'Enrolment',
    ...enrolment,
  });
  return enrolment;
}

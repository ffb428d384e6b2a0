import { randomUUID } from 'node:crypto';
import type { Enrolment } from '#shared/enrolment/model.ts';
import type { EnrolmentStatus } from '#shared/enrolment/status.ts';
import * as keys from '#shared/storage/keys.ts';
import { indexKeys } from '#shared/storage/keys.ts';
import { putItem } from '#shared/storage/store.ts';

/**
 * Writes an Enrolment item with the keys the enrolment use cases set (aggregate key, by-SIRET
 * and by-status index keys), for tests of modules that read enrolments. Import it dynamically,
 * after the local cloud has started (the storage client reads TABLE_NAME at import).
 */
export async function storeEnrolment(input: {
  siret: string;
  status: EnrolmentStatus;
  number?: string;
  denominationSociale?: string;
  contact?: { nom: string; prenom: string; email: string };
  referencingNumber?: string;
}): Promise<Enrolment> {
  const now = new Date().toISOString();
  const id = randomUUID();
  const contact = input.contact ?? {
    nom: 'Dupont',
    prenom: 'Marie',
    email: `marie.dupont.${id.slice(0, 8)}@example.fr`,
  };
  const enrolment: Enrolment = {
    id,
    ...(input.number ? { number: input.number } : {}),
    status: input.status,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...(input.status !== 'BROUILLON' ? { submittedAt: now } : {}),
    draftTokenHash: 'unused-in-these-tests',
    referencing: {
      number: input.referencingNumber ?? 'zbuMSS0046',
      dsr: { couloir: 'MSS', label: 'MSS Opérateurs', typeLogiciel: 'Opérateur MSS', vague: 'Vague 1' },
      solutionName: 'Messagerie sécurisée PROCIVIS',
      developerSiret: '39177919600040',
      developerName: 'PROCIVIS IMMOBILIER',
    },
    applicant: {
      siret: input.siret,
      denominationSociale: input.denominationSociale ?? 'PROCIVIS IMMOBILIER',
      registeredDenomination: input.denominationSociale ?? 'PROCIVIS IMMOBILIER',
      nomCommercial: 'Procivis Messagerie',
      address: { typeVoie: 'Rue', nomVoie: 'de la Paix', codePostal: '75002', commune: 'Paris' },
      isBuyerOperator: false,
      isLegalRepresentative: true,
      representative: { ...contact, telephone: '0102030405' },
    },
    bank: {
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      titulaire: 'PROCIVIS IMMOBILIER',
      domiciliation: 'Paris',
    },
    vat: { regime: 'TTC_20' },
    documents: {},
  };
  await putItem({
    ...keys.enrolment(id),
    ...indexKeys.enrolmentsBySiret(input.siret, now, id),
    ...(input.status !== 'BROUILLON' ? indexKeys.enrolmentsByStatus(input.status, now, id) : {}),
    type: 'Enrolment',
    ...enrolment,
  });
  return enrolment;
}

import { randomUUID } from 'node:crypto';
import type { Enrolment } from '#shared/enrolment/model.ts';
import type { VatRegime } from '#shared/enrolment/vat.ts';
import * as keys from '#shared/storage/keys.ts';
import { indexKeys } from '#shared/storage/keys.ts';
import { GUIDE_ADDRESS } from './dossiers.ts';
import type { TestCloud } from './harness.ts';

/** The store reads TABLE_NAME at import: load it once the local cloud has set the environment. */
const putItem: typeof import('#shared/storage/store.ts')['putItem'] = async (item) =>
  (await import('#shared/storage/store.ts')).putItem(item);

export interface TestOperator {
  accountId: string;
  enrolmentId: string;
  siret: string;
  email: string;
  headers: Record<string, string>;
}

let sequence = 0;

/** A SIRET with a valid Luhn key, distinct per call. */
export function testSiret(): string {
  sequence += 1;
  const base = `${String(Date.now() % 1e6).padStart(6, '0')}${String(sequence).padStart(7, '0')}`;
  for (let key = 0; key <= 9; key += 1) {
    const candidate = `${base}${key}`;
    const sum = [...candidate].reduce((total, digit, index) => {
      let value = Number(digit) * (index % 2 === 0 ? 1 : 2);
      if (value > 9) value -= 9;
      return total + value;
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** An enrolment as the instruction leaves it once validated (the enrolment module's aggregate). */
export function validatedEnrolment(overrides: {
  siret: string;
  regime: VatRegime;
  status?: Enrolment['status'];
}): Enrolment {
  const now = new Date().toISOString();
  const id = randomUUID();
  return {
    id,
    number: `ENR${String(sequence).padStart(4, '0')}M0`,
    status: overrides.status ?? 'VALIDEE',
    version: 3,
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    draftTokenHash: 'unused',
    referencing: {
      number: 'zbuMSS0046',
      dsr: { couloir: 'MSS', label: 'MSS Opérateurs', typeLogiciel: 'Opérateur MSS', vague: 'Vague 1' },
      solutionName: 'Messagerie sécurisée PROCIVIS',
      developerSiret: '39177919600040',
      developerName: 'PROCIVIS IMMOBILIER',
    },
    applicant: {
      siret: overrides.siret,
      denominationSociale: 'PROCIVIS IMMOBILIER',
      registeredDenomination: 'PROCIVIS IMMOBILIER',
      nomCommercial: 'Procivis Messagerie',
      address: GUIDE_ADDRESS,
      isBuyerOperator: overrides.siret !== '39177919600040',
      isLegalRepresentative: true,
      representative: {
        nom: 'Dupont',
        prenom: 'Marie',
        email: `marie.dupont+${overrides.siret}@procivis.test`,
        telephone: '0320000000',
      },
    },
    bank: {
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      titulaire: 'PROCIVIS IMMOBILIER',
      domiciliation: 'CA NORD',
    },
    vat: { regime: overrides.regime },
    documents: {},
  };
}

async function storeEnrolment(enrolment: Enrolment) {
  await putItem({
    ...keys.enrolment(enrolment.id),
    type: 'Enrolment',
    ...indexKeys.enrolmentsBySiret(enrolment.applicant?.siret ?? '', enrolment.createdAt, enrolment.id),
    ...enrolment,
  });
}

/**
 * An operator whose enrolment is validated (or in `status`), logged in for real: its account is
 * provisioned from the enrolment as the validation workflow does, then the first login is done
 * through the API (temporary password, password change, secret question).
 */
export async function operatorWith(
  local: TestCloud,
  options: { regime?: VatRegime; status?: Enrolment['status']; siret?: string } = {},
): Promise<TestOperator> {
  const siret = options.siret ?? testSiret();
  const enrolment = validatedEnrolment({ siret, regime: options.regime ?? 'TTC_20' });
  await storeEnrolment(enrolment);
  const { activeOperator, bearer } = await import('./accounts.ts');
  const { accountId, token } = await activeOperator(local, enrolment);
  if (options.status && options.status !== 'VALIDEE') {
    // No flow takes a validated enrolment elsewhere today; funding checks it anyway (defence in
    // depth), so the test moves the stored enrolment itself.
    const { getItem } = await import('#shared/storage/store.ts');
    const stored = await getItem<Enrolment>(keys.enrolment(enrolment.id));
    await storeEnrolment({ ...(stored as Enrolment), status: options.status });
  }
  return {
    accountId,
    enrolmentId: enrolment.id,
    siret,
    email: enrolment.applicant?.representative.email ?? '',
    headers: bearer(token),
  };
}

/** The demo instructor (seeded by the local stack), logged in through the API. */
export async function instructor(local: TestCloud): Promise<{ headers: Record<string, string> }> {
  const { loginAsDemoInstructor, bearer } = await import('./accounts.ts');
  return { headers: bearer(await loginAsDemoInstructor(local)) };
}

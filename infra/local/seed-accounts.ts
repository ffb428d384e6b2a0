import { createInstructorAccount, provisionOperatorAccount } from '#shared/accounts/provisioning.ts';
import { getAccount, getCredentials, saveAccount, updateCredentials } from '#shared/accounts/repository.ts';
import type { Enrolment } from '#shared/enrolment/model.ts';
import * as keys from '#shared/storage/keys.ts';
import { indexKeys } from '#shared/storage/keys.ts';
import { getItem, putItem } from '#shared/storage/store.ts';
import { DEMO_INSTRUCTOR, DEMO_OPERATOR } from './demo-data.ts';

/** Precomputed (scrypt N = 2^17) so that booting the stack costs no hashing. */
const PASSWORD_HASH = 'scrypt$17$8$1$Oa7fMNCcfaCq7zzORIxo4Q$o-zy4xVMLC4o9tJeYGDTkHMTQ8UU2AkzcWb2b9mNOPc';
const SECRET_ANSWER_HASH = 'scrypt$17$8$1$XWqrdEIjt3H_GrNrtHdSDA$09mX35mcVRdt5URyYMAmjX5TmPsoxoZIsDuICfzuGYo';

const OPERATOR_PASSWORD_HASH =
  'scrypt$17$8$1$0a9B3mT5R_QLBOMWuZ1ZRQ$UupH_s9FuPW9qBtQJAj6CRrOFq2fzlXqOXNPix0vvsk';
const OPERATOR_SECRET_ANSWER_HASH =
  'scrypt$17$8$1$S_mgeZqQGW0OclGb5e0shw$GpHYLqGLmqtWIaZq3RLyT0yy9v-I36ybyIJNe2MbIvs';

function demoOperatorEnrolment(now: string): Enrolment {
  const { contact } = DEMO_OPERATOR;
  return {
    id: DEMO_OPERATOR.enrolmentId,
    number: DEMO_OPERATOR.enrolmentNumber,
    status: 'VALIDEE',
    version: 1,
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    // No draft token opens it: the hash of nothing any client can send.
    draftTokenHash: 'demo-enrolment-not-editable',
    referencing: {
      number: 'abcMSS0112',
      dsr: { couloir: 'MSS', label: 'MSS Opérateurs', typeLogiciel: 'Opérateur MSS', vague: 'Vague 1' },
      solutionName: 'MédiMail Pro',
      developerSiret: '47992882200069',
      developerName: 'ASSOCIATION SERVICES MEDIATION',
    },
    applicant: {
      siret: DEMO_OPERATOR.siret,
      denominationSociale: DEMO_OPERATOR.denominationSociale,
      registeredDenomination: DEMO_OPERATOR.denominationSociale,
      nomCommercial: 'Messagerie Démo',
      address: {
        numero: '12',
        typeVoie: 'RUE',
        nomVoie: 'DE LA SANTE',
        codePostal: '75013',
        commune: 'PARIS',
      },
      isBuyerOperator: true,
      isLegalRepresentative: true,
      representative: {
        nom: contact.nom,
        prenom: contact.prenom,
        email: contact.email,
        telephone: contact.telephone,
      },
    },
    bank: {
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      titulaire: DEMO_OPERATOR.denominationSociale,
      domiciliation: 'CREDIT AGRICOLE',
    },
    vat: { regime: 'TTC_20' },
    documents: {},
  };
}

/**
 * Idempotent: the validated enrolment is written once, its account provisioned as the
 * validation workflow does, then given the demo password and secret question (unless changed
 * in a demo since).
 */
export async function seedDemoOperator(): Promise<void> {
  const key = keys.enrolment(DEMO_OPERATOR.enrolmentId);
  let enrolment = await getItem<Enrolment>(key);
  if (!enrolment) {
    const now = new Date().toISOString();
    enrolment = demoOperatorEnrolment(now);
    await putItem({
      ...key,
      ...indexKeys.enrolmentsBySiret(DEMO_OPERATOR.siret, now, enrolment.id),
      ...indexKeys.enrolmentsByStatus('VALIDEE', now, enrolment.id),
      type: 'Enrolment',
      ...enrolment,
    });
  }
  const account = await provisionOperatorAccount(enrolment);
  const current = await getAccount(account.accountId);
  const credentials = await getCredentials(account.identifier);
  if (!current || !credentials || credentials.passwordHash) return;
  await saveAccount(current, {
    ...current,
    secretQuestion: DEMO_OPERATOR.secretQuestion,
    secretAnswerHash: OPERATOR_SECRET_ANSWER_HASH,
  });
  await updateCredentials(account.identifier, {
    set: { passwordHash: OPERATOR_PASSWORD_HASH, passwordIsTemporary: false, secretQuestionSet: true },
  });
}

/** Idempotent: an existing demo instructor (maybe with a password changed in a demo) is kept. */
export async function seedDemoInstructor(): Promise<void> {
  const account = await createInstructorAccount(DEMO_INSTRUCTOR);
  const current = await getAccount(account.id);
  const credentials = await getCredentials(account.identifier);
  if (!current || !credentials || credentials.passwordHash) return;
  if (!current.secretAnswerHash)
    await saveAccount(current, {
      ...current,
      secretQuestion: DEMO_INSTRUCTOR.secretQuestion,
      secretAnswerHash: SECRET_ANSWER_HASH,
    });
  await updateCredentials(account.identifier, {
    set: { passwordHash: PASSWORD_HASH, passwordIsTemporary: false, secretQuestionSet: true },
  });
}

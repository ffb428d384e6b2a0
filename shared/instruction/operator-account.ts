import { provisionOperatorAccount } from '../accounts/provisioning.ts';
import { loadEnrolment } from '../enrolment/emails.ts';
import type { Enrolment } from '../enrolment/model.ts';
import { saveEnrolment } from '../enrolment/repository.ts';
import { InvalidDataError } from '../errors.ts';

/** The validation workflow's account step (no SES in this module: its Lambda sends nothing). */
export async function loadValidated(enrolmentId: string): Promise<Enrolment> {
  const enrolment = await loadEnrolment(enrolmentId);
  if (enrolment.status !== 'VALIDEE')
    throw new InvalidDataError('enrolment_not_validated', `La demande ${enrolmentId} n'est pas validée.`);
  return enrolment;
}

/** Idempotent: the account of the enrolment's operator (one per SIRET), linked on the enrolment. */
export async function provisionAccountFor(enrolmentId: string) {
  const enrolment = await loadValidated(enrolmentId);
  const provisioned = await provisionOperatorAccount(enrolment);
  if (enrolment.accountId !== provisioned.accountId)
    await saveEnrolment({ ...enrolment, accountId: provisioned.accountId });
  return { accountId: provisioned.accountId, created: provisioned.created };
}

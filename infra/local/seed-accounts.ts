import { createInstructorAccount } from '../../shared/accounts/provisioning.ts';
import {
  getAccount,
  getCredentials,
  saveAccount,
  updateCredentials,
} from '../../shared/accounts/repository.ts';
import { DEMO_INSTRUCTOR } from './demo-data.ts';

/** Precomputed (scrypt N = 2^17) so that booting the stack costs no hashing. */
const PASSWORD_HASH = 'scrypt$17$8$1$Oa7fMNCcfaCq7zzORIxo4Q$o-zy4xVMLC4o9tJeYGDTkHMTQ8UU2AkzcWb2b9mNOPc';
const SECRET_ANSWER_HASH = 'scrypt$17$8$1$XWqrdEIjt3H_GrNrtHdSDA$09mX35mcVRdt5URyYMAmjX5TmPsoxoZIsDuICfzuGYo';

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

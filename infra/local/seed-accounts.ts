import { createInstructorAccount } from '../../shared/accounts/provisioning.ts';
import { getAccount, saveAccount } from '../../shared/accounts/repository.ts';

/**
 * The demo instructor of the local stack (`npm start` and tests). Its password is fixed and
 * already "changed" (secret question set) so that demos and other test files can log in as
 * an instructor in one call; real instructor accounts come from `npm run admin:create-instructor`,
 * which always issues a temporary password to change at first login.
 * The hashes are precomputed (scrypt N = 2^17) so that booting the stack costs no hashing.
 */
export const DEMO_INSTRUCTOR = {
  identifier: 'instructeur.demo',
  password: 'Demo-Instructeur#2026',
  email: 'instructeur.demo@asp.local',
  secretQuestion: 'Quel est le nom de mon organisme ?',
  secretAnswer: 'Agence de Services et de Paiement',
} as const;

const PASSWORD_HASH = 'scrypt$17$8$1$Oa7fMNCcfaCq7zzORIxo4Q$o-zy4xVMLC4o9tJeYGDTkHMTQ8UU2AkzcWb2b9mNOPc';
const SECRET_ANSWER_HASH = 'scrypt$17$8$1$XWqrdEIjt3H_GrNrtHdSDA$09mX35mcVRdt5URyYMAmjX5TmPsoxoZIsDuICfzuGYo';

/** Idempotent: an existing demo instructor (maybe with a password changed in a demo) is kept. */
export async function seedDemoInstructor(): Promise<void> {
  const account = await createInstructorAccount(DEMO_INSTRUCTOR);
  const current = await getAccount(account.id);
  if (!current || current.passwordHash) return;
  await saveAccount(current, {
    ...current,
    passwordHash: PASSWORD_HASH,
    passwordIsTemporary: false,
    secretQuestion: DEMO_INSTRUCTOR.secretQuestion,
    secretAnswerHash: SECRET_ANSWER_HASH,
  });
}

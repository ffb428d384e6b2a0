import { randomUUID } from 'node:crypto';
import { nowIso, nowMs } from '../clock.ts';
import { contactOf, type Enrolment } from '../enrolment/model.ts';
import { linkEnrolmentToAccount } from '../enrolment/repository.ts';
import { conflict } from '../errors.ts';
import { logger } from '../logger.ts';
import {
  type Account,
  type AccountRole,
  type Credentials,
  identifierFromName,
  normaliseEmail,
} from './model.ts';
import {
  claimCredentials,
  claimOperatorSiret,
  createAccount,
  getAccount,
  getCredentials,
  guardOwner,
  saveAccount,
  updateCredentials,
} from './repository.ts';
import { hashSecret } from './secret-hash.ts';
import { generateTemporaryPassword } from './temporary-password.ts';

/** A temporary password is valid for 7 days: the operator may read the email after a weekend. */
export const TEMPORARY_PASSWORD_DAYS = 7;

class GuardTaken extends Error {
  readonly owner: string;
  constructor(owner: string) {
    super('guard taken');
    this.owner = owner;
  }
}

/** The Credentials of a new account: no password yet (a temporary one is issued next). */
const newCredentials = (input: {
  accountId: string;
  identifier: string;
  role: AccountRole;
  siret?: string;
}): Credentials => ({
  identifier: input.identifier,
  accountId: input.accountId,
  role: input.role,
  status: 'ACTIVE',
  ...(input.siret ? { siret: input.siret } : {}),
  passwordIsTemporary: true,
  secretQuestionSet: false,
  loginSeq: 0,
});

/**
 * Claims the first free identifier among `base`, `base2`, `base3`… for `accountId`, by creating
 * its Credentials item (the identifier's guard). A retry by the same account gets the identifier
 * it claimed before (the claim is owner-idempotent).
 */
async function claimIdentifier(
  base: string,
  account: { accountId: string; role: AccountRole; siret?: string },
): Promise<string> {
  for (let suffix = 1; suffix <= 99; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}${suffix}`;
    try {
      await claimCredentials(
        newCredentials({ ...account, identifier: candidate }),
        (owner) => new GuardTaken(owner),
      );
      return candidate;
    } catch (error) {
      if (!(error instanceof GuardTaken)) throw error;
    }
  }
  throw conflict('identifier_unavailable', 'Aucun identifiant disponible pour ce compte.');
}

function newAccount(input: {
  id: string;
  identifier: string;
  role: AccountRole;
  email: string;
  siret?: string;
  enrolmentIds?: string[];
}): Account {
  const now = nowIso();
  return {
    id: input.id,
    identifier: input.identifier,
    role: input.role,
    status: 'ACTIVE',
    email: normaliseEmail(input.email),
    ...(input.siret ? { siret: input.siret } : {}),
    enrolmentIds: input.enrolmentIds ?? [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

export interface ProvisionedAccount {
  accountId: string;
  identifier: string;
  /** True when this call created the account; false when it existed (retry, or another enrolment). */
  created: boolean;
  /**
   * True while the account has never set its own password: the credentials emails should be
   * sent. False for an operator already using the portal (a later enrolment of the same SIRET).
   */
  credentialsPending: boolean;
}

/**
 * Creates the operator account of a validated enrolment; idempotent. One account per operator
 * (SIRET): a later enrolment of the same SIRET is linked to the existing account rather than
 * creating a second login, so the operator follows all its requests in one private home.
 * The identifier is built from the contact's name (`prenom.nom`), made unique with a suffix.
 */
export async function provisionOperatorAccount(enrolment: Enrolment): Promise<ProvisionedAccount> {
  const applicant = enrolment.applicant;
  const contact = contactOf(enrolment);
  if (enrolment.status !== 'VALIDEE') throw new Error(`Enrolment ${enrolment.id} is not validated`);
  if (!applicant || !contact) throw new Error(`Enrolment ${enrolment.id} has no applicant`);
  let accountId: string = randomUUID();
  try {
    await claimOperatorSiret(applicant.siret, accountId, (owner) => new GuardTaken(owner));
  } catch (error) {
    if (!(error instanceof GuardTaken)) throw error;
    accountId = error.owner;
  }
  const existing = await getAccount(accountId);
  if (existing) {
    const linked = existing.enrolmentIds.includes(enrolment.id)
      ? existing
      : await saveAccount(existing, { ...existing, enrolmentIds: [...existing.enrolmentIds, enrolment.id] });
    await linkEnrolmentToAccount(enrolment.id, accountId);
    return {
      accountId,
      identifier: linked.identifier,
      created: false,
      credentialsPending: (await getCredentials(linked.identifier))?.passwordIsTemporary ?? true,
    };
  }
  const base = identifierFromName(contact.prenom, contact.nom) || `operateur.${applicant.siret}`;
  const identifier = await claimIdentifier(base, {
    accountId,
    role: 'operator',
    siret: applicant.siret,
  });
  const account = newAccount({
    id: accountId,
    identifier,
    role: 'operator',
    email: contact.email,
    siret: applicant.siret,
    enrolmentIds: [enrolment.id],
  });
  let created = true;
  await createAccount(account, () => new GuardTaken(accountId)).catch((error: unknown) => {
    // A concurrent retry wrote it first: same account, nothing more to do.
    if (!(error instanceof GuardTaken)) throw error;
    created = false;
  });
  await linkEnrolmentToAccount(enrolment.id, accountId);
  logger.info('Operator account provisioned', { accountId, enrolmentId: enrolment.id, created });
  return { accountId, identifier, created, credentialsPending: true };
}

/** The operator account of a SIRET, if provisioned (e.g. to address its credentials emails). */
export async function findOperatorAccount(siret: string): Promise<Account | undefined> {
  const owner = await guardOwner('operatorSiret', siret);
  return owner ? getAccount(owner) : undefined;
}

/** Creates an instructor account (admin command, demo seed); the identifier must be free. */
export async function createInstructorAccount(input: {
  identifier: string;
  email: string;
}): Promise<Account> {
  const accountId = randomUUID();
  const taken = () => conflict('identifier_taken', `L'identifiant ${input.identifier} est déjà utilisé.`);
  const owner = (await getCredentials(input.identifier))?.accountId;
  if (owner) {
    const existing = await getAccount(owner);
    if (existing?.role === 'instructor') return existing;
    throw taken();
  }
  await claimCredentials(
    newCredentials({ accountId, identifier: input.identifier, role: 'instructor' }),
    taken,
  );
  const account = newAccount({
    id: accountId,
    identifier: input.identifier,
    role: 'instructor',
    email: input.email,
  });
  await createAccount(account, () => conflict('account_exists', 'Ce compte existe déjà.'));
  logger.info('Instructor account created', { accountId });
  return account;
}

export type TemporaryPasswordOutcome =
  | { issued: true; expiresAt: string }
  | { issued: false; reason: 'already_active' };

/**
 * Issues a new temporary password: stores only its hash, then hands the clear text straight
 * to `send` (the email sender), so it never appears in workflow state, history or logs.
 * An account whose owner already chose a password is left alone unless `force` is set (a
 * temporary password would lock them out of their own choice). If `send` throws, the stored
 * hash is of an undelivered password; a retry issues (and sends) another one.
 */
export async function issueTemporaryPasswordAndSend(
  accountId: string,
  send: (password: string, expiresAt: string) => Promise<void>,
  options: { force?: boolean } = {},
): Promise<TemporaryPasswordOutcome> {
  const account = await getAccount(accountId);
  const credentials = account ? await getCredentials(account.identifier) : undefined;
  if (!account || !credentials) throw new Error(`Account ${accountId} not found`);
  if (!credentials.passwordIsTemporary && credentials.passwordHash && !options.force)
    return { issued: false, reason: 'already_active' };
  const password = generateTemporaryPassword();
  const expiresAt = new Date(nowMs() + TEMPORARY_PASSWORD_DAYS * 86_400_000).toISOString();
  const stored = await updateCredentials(account.identifier, {
    set: {
      passwordHash: await hashSecret(password),
      passwordIsTemporary: true,
      temporaryPasswordExpiresAt: expiresAt,
    },
    bumpLoginSeq: true,
  });
  if (!stored) throw new Error(`Credentials of account ${accountId} not found`);
  await send(password, expiresAt);
  logger.info('Temporary password issued', { accountId });
  return { issued: true, expiresAt };
}

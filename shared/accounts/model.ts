/**
 * The account aggregate (one item at keys.account(id), optimistic locking on `version`). An
 * operator account belongs to one operator (SIRET) and lists the enrolments it was provisioned
 * from; an instructor account belongs to the ASP back office.
 */
export type AccountRole = 'operator' | 'instructor';
export type AccountStatus = 'ACTIVE' | 'DISABLED';

export interface Account {
  id: string;
  /** Human-readable login name, unique (guard `identifier`), e.g. `marie.dupont`. */
  identifier: string;
  role: AccountRole;
  status: AccountStatus;
  /** Where credentials and recovery emails go (lower-cased). */
  email: string;
  /** Operator accounts: the operator's SIRET and the enrolments linked to the account. */
  siret?: string;
  enrolmentIds: string[];
  /** scrypt hash with its parameters (see secret-hash.ts); absent until a password is issued. */
  passwordHash?: string;
  /** True while the password is the emailed temporary one (first login must change it). */
  passwordIsTemporary: boolean;
  /** ISO date after which the temporary password no longer opens a session. */
  temporaryPasswordExpiresAt?: string;
  passwordChangedAt?: string;
  secretQuestion?: string;
  secretAnswerHash?: string;
  createdAt: string;
  updatedAt: string;
  lastLoginAt?: string;
  version: number;
}

export type SetupStep = 'password' | 'secretQuestion';

/** The first-login steps still to do: change the temporary password, set the secret question. */
export function pendingSteps(
  account: Pick<Account, 'passwordIsTemporary' | 'secretAnswerHash'>,
): SetupStep[] {
  return [
    ...(account.passwordIsTemporary ? (['password'] as const) : []),
    ...(account.secretAnswerHash === undefined ? (['secretQuestion'] as const) : []),
  ];
}

/** Both first-login steps done: a permanent password and a secret question. */
export const isSetUp = (account: Pick<Account, 'passwordIsTemporary' | 'secretAnswerHash'>): boolean =>
  pendingSteps(account).length === 0;

/** Email addresses compare case-insensitively and without surrounding spaces. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Identifiers compare case-insensitively. */
export const normaliseIdentifier = (identifier: string) => identifier.trim().toLowerCase();

/** Lower case ASCII words joined by dots, e.g. "Éloïse  De la Tour" → "eloise.de.la.tour". */
export function identifierWords(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 40)
    .replace(/\.+$/, '');
}

/**
 * Secret answers compare ignoring case, accents, spaces and punctuation, so the owner need not
 * remember how they typed it: "  Saint-Étienne " = "saint etienne".
 */
export const normaliseSecretAnswer = (answer: string) =>
  answer
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

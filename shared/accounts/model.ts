/**
 * The account aggregate (one item at keys.account(id), optimistic locking on `version`). An
 * operator account belongs to one operator (SIRET) and lists the enrolments it was provisioned
 * from; an instructor account belongs to the ASP back office.
 */
export type AccountRole = 'operator' | 'instructor';
type AccountStatus = 'ACTIVE' | 'DISABLED';

export interface Account {
  id: string;
  /** Human-readable login name, unique (its Credentials item is the guard), e.g. `marie.dupont`. */
  identifier: string;
  role: AccountRole;
  status: AccountStatus;
  /** Where credentials and recovery emails go (lower-cased). */
  email: string;
  /** Operator accounts: the operator's SIRET and the enrolments linked to the account. */
  siret?: string;
  enrolmentIds: string[];
  secretQuestion?: string;
  secretAnswerHash?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * What a login needs, on one item keyed by the normalised identifier (repository.ts), which is
 * also the identifier's uniqueness guard. The password lives here only. The lockout state
 * (failures, delay, lock) is stored on the same item but never leaves the login (login.ts).
 */
export interface Credentials {
  /** Normalised identifier (the item's key). */
  identifier: string;
  accountId: string;
  role: AccountRole;
  status: AccountStatus;
  /** Operators: copied from the account, which never changes SIRET. */
  siret?: string;
  /** scrypt hash with its parameters (see secret-hash.ts); absent until a password is issued. */
  passwordHash?: string;
  /** True while the password is the emailed temporary one (first login must change it). */
  passwordIsTemporary: boolean;
  /** ISO date after which the temporary password no longer opens a session. */
  temporaryPasswordExpiresAt?: string;
  passwordChangedAt?: string;
  /** Set with the secret question (whose answer hash stays on the account). */
  secretQuestionSet: boolean;
  /** Incremented by every recorded login outcome: the login's writes are conditional on it. */
  loginSeq: number;
  lastLoginAt?: string;
}

export type SetupStep = 'password' | 'secretQuestion';

/** The first-login steps still to do: change the temporary password, set the secret question. */
export function pendingSteps(
  credentials: Pick<Credentials, 'passwordIsTemporary' | 'secretQuestionSet'>,
): SetupStep[] {
  return [
    ...(credentials.passwordIsTemporary ? (['password'] as const) : []),
    ...(credentials.secretQuestionSet ? [] : (['secretQuestion'] as const)),
  ];
}

/** Both first-login steps done: a permanent password and a secret question. */
export const isSetUp = (
  credentials: Pick<Credentials, 'passwordIsTemporary' | 'secretQuestionSet'>,
): boolean => pendingSteps(credentials).length === 0;

/** Email addresses compare case-insensitively and without surrounding spaces. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Identifiers compare case-insensitively. */
export const normaliseIdentifier = (identifier: string) => identifier.trim().toLowerCase();

/** Longest identifier built from a name, before a homonym's numeric suffix (2, 3…). */
const IDENTIFIER_MAX_LENGTH = 40;

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * One name (prénom or nom) as an identifier part: lower case ASCII, accents and ligatures
 * flattened, apostrophes dropped with no gap ("N'Guyen" → "nguyen", "d'Ormesson" → "dormesson"),
 * every other run of spaces or punctuation a hyphen ("Jean-Noël" → "jean-noel", "de La Fontaine"
 * → "de-la-fontaine": particles stay, they are part of the name).
 */
function namePart(name: string): string {
  return name
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’ʼ`´]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `prenom.nom` (README, "Identifiers"). Longer than 40 characters, the prénom keeps its first
 * component ("Marie-Christine" → "marie"), then the nom is cut at a hyphen if it can be, else at
 * 40. Empty when neither name has a Latin letter or digit (the caller then uses another base).
 */
export function identifierFromName(prenom: string, nom: string): string {
  const given = namePart(prenom);
  const family = namePart(nom);
  const join = (first: string, last: string) => [first, last].filter(Boolean).join('.');
  const full = join(given, family);
  if (full.length <= IDENTIFIER_MAX_LENGTH) return full;
  const shortGiven = given.split('-')[0] ?? '';
  const shorter = join(shortGiven, family);
  if (shorter.length <= IDENTIFIER_MAX_LENGTH) return shorter;
  const cut = shorter.slice(0, IDENTIFIER_MAX_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > shortGiven.length + 1 ? cut.slice(0, lastHyphen) : cut).replace(/[-.]+$/, '');
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

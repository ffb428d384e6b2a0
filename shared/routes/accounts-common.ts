import * as z from 'zod/mini';
import { PASSWORD_RULES } from '../accounts/password-policy.ts';
import { problemResponse, problemSchema } from './schemas.ts';

/**
 * What the account routes share: field schemas with French messages, tags, grants. No account
 * route honours an Idempotency-Key: their responses carry secrets (tokens) that must never be stored.
 */
export const TAGS = ['Compte'];
export const required = (label: string, max = 200) =>
  z
    .string({ error: `Le champ « ${label} » est obligatoire.` })
    .check(
      z.minLength(1, { error: `Le champ « ${label} » est obligatoire.` }),
      z.maxLength(max, { error: `Le champ « ${label} » comporte ${max} caractères au maximum.` }),
    );
/** Longer than the policy's maximum so that the policy, not the schema, names the rule. */
export const passwordField = (label: string) => required(label, 1024);

/**
 * A refused new password: every rule it breaks, by name (`violatedRules`), for a front end that
 * ticks them off (a builder: only the two routes that set a password build it).
 */
export const passwordPolicyProblem = () => ({
  422: problemResponse(
    problemSchema({ violatedRules: z.optional(z.array(z.enum(PASSWORD_RULES))) }),
    'Données invalides ; `violatedRules` nomme chaque règle du mot de passe non respectée',
  ),
});

export const acceptedSchema = z.strictObject({ message: z.string() });
export const tableReadWrite = { table: 'readwrite' } as const;
/** scrypt N = 2^17 needs 128 MiB; more memory also means more CPU, hence a faster hash. */
export const HASHING_MEMORY_MB = 1024;
/**
 * Reserved (and so maximal) concurrency of each hashing route: a burst of logins (about a second
 * of CPU each) is throttled there instead of taking the account's concurrency from the
 * authorizer and every other route.
 */
export const HASHING_RESERVED_CONCURRENCY = 20;

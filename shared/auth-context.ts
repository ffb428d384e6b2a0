/** Who is calling: the session's claims, checked by the Lambda authorizer before any use case runs. */
export interface AuthContext {
  accountId: string;
  role: 'operator' | 'instructor';
  passwordChangeRequired: boolean;
  /** Operators: the operator's SIRET (one account per SIRET), so funding reads need no account lookup. */
  siret?: string;
  /** The account's last login (GET /v1/me), carried by the session. */
  lastLoginAt?: string;
}

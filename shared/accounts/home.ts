import type { AuthContext } from '../auth-context.ts';
import { getEnrolment, listEnrolmentsOfOperator } from '../enrolment/repository.ts';
import { ENROLMENT_STATUS_LABELS } from '../enrolment/status.ts';
import { requireAccount } from './security-settings.ts';

/** GET /v1/me: the account and, for an operator, its identity taken from its latest enrolment. */
export async function describeMe(auth: AuthContext) {
  const account = await requireAccount(auth.accountId);
  const latestId = account.enrolmentIds.at(-1);
  const enrolment = latestId ? await getEnrolment(latestId) : undefined;
  return {
    account: {
      id: account.id,
      identifier: account.identifier,
      role: account.role,
      email: account.email,
      secretQuestion: account.secretQuestion ?? null,
      // From the session (the authorizer's context): the Credentials are not read here.
      passwordChangeRequired: auth.passwordChangeRequired,
      createdAt: account.createdAt,
      lastLoginAt: auth.lastLoginAt ?? null,
    },
    operator:
      account.role === 'operator' && account.siret
        ? {
            siret: account.siret,
            denominationSociale: enrolment?.applicant?.denominationSociale ?? null,
            nomCommercial: enrolment?.applicant?.nomCommercial ?? null,
            referencingNumber: enrolment?.referencing?.number ?? null,
            solutionName: enrolment?.referencing?.solutionName ?? null,
          }
        : null,
  };
}

/**
 * "Suivi des demandes d'enrôlement": the operator's submitted requests (by SIRET, oldest
 * first). Drafts are left out: anyone may start a draft with any SIRET.
 */
export async function listMyEnrolments(accountId: string, page: { limit?: number; cursor?: string }) {
  const account = await requireAccount(accountId);
  if (!account.siret) return { items: [] };
  const result = await listEnrolmentsOfOperator(account.siret, {
    limit: page.limit ?? 20,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return {
    items: result.items
      .filter((enrolment) => enrolment.status !== 'BROUILLON')
      .map((enrolment) => ({
        id: enrolment.id,
        number: enrolment.number ?? null,
        status: enrolment.status,
        statusLabel: ENROLMENT_STATUS_LABELS[enrolment.status],
        createdAt: enrolment.createdAt,
        submittedAt: enrolment.submittedAt ?? null,
        updatedAt: enrolment.updatedAt,
      })),
    ...(result.cursor ? { cursor: result.cursor } : {}),
  };
}

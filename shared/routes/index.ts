import { accountRoutes } from './accounts.ts';
import { homeRoutes } from './accounts-home.ts';
import { loginRoutes } from './accounts-login.ts';
import { recoveryRoutes } from './accounts-recovery.ts';
import { adminEnrolmentListRoutes } from './admin-enrolment-lists.ts';
import { adminEnrolmentRoutes } from './admin-enrolments.ts';
import { bankRoutes } from './banks.ts';
import { enrolmentRoutes } from './enrolment.ts';
import { enrolmentDocumentRoutes } from './enrolment-documents.ts';
import { enrolmentLookupRoutes } from './enrolment-lookup.ts';
import { enrolmentStepRoutes } from './enrolment-steps.ts';
import { fundingRoutes } from './funding.ts';
import { fundingAdminRoutes } from './funding-admin.ts';
import { systemRoutes } from './system.ts';
import { systemAdminRoutes } from './system-admin.ts';
import type { Permissions, RouteDefinition } from './types.ts';

/**
 * The route table: the only place a route is declared. The local gateway, the OpenAPI document
 * and the CDK stack are all generated from it. Each domain keeps its routes in its own module.
 */
export const routeTable: readonly RouteDefinition[] = [
  ...systemRoutes,
  ...systemAdminRoutes,
  ...enrolmentRoutes,
  ...enrolmentLookupRoutes,
  ...enrolmentStepRoutes,
  ...enrolmentDocumentRoutes,
  ...bankRoutes,
  ...loginRoutes,
  ...accountRoutes,
  ...recoveryRoutes,
  ...homeRoutes,
  ...adminEnrolmentListRoutes,
  ...adminEnrolmentRoutes,
  ...fundingRoutes,
  ...fundingAdminRoutes,
];

/** The Lambda authorizer of protected routes (operator, instructor, account), deployed on the HTTP API. */
export const authorizerModule = 'functions/auth/authorizer.ts';

/** What the authorizer touches: it reads the session and slides its idle expiry. */
export const authorizerPermissions: Permissions = { table: 'readwrite' };

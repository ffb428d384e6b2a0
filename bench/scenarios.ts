import { DEMO_INSTRUCTOR } from '#infra/local/demo-data.ts';
import { validatedOperator } from './operator.ts';

/**
 * The main operations the bench measures, each declared once. A scenario runs only when its route
 * is in the route table, so the bench follows the routes as they land.
 */
export interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Call = (request: Request) => Promise<{ status: number; body: unknown }>;

export interface Scenario {
  name: string;
  /** Route-table id of the measured route; the scenario is skipped while it does not exist. */
  routeId: string;
  /** Reads: ≤ 1 DynamoDB call plus the session lookup; writes: ≤ 2. */
  kind: 'read' | 'write';
  /** Other routes the preparation needs. */
  needs?: string[];
  /**
   * Builds a request (creating what it needs through the API). Called twice: a first request warms
   * the handler, the second is measured, so a write that cannot be repeated gets fresh data.
   */
  prepare: (call: Call) => Promise<Request>;
  expectedStatus: number;
  /** Measured under 20 concurrent clients (reads only: a repeated write measures its conflicts). */
  underLoad: boolean;
}

const demoInstructor = { identifier: DEMO_INSTRUCTOR.identifier, password: DEMO_INSTRUCTOR.password };
const demoReferencing = 'zbuMSS0046';

async function instructorToken(call: Call) {
  const { status, body } = await call({ method: 'POST', path: '/v1/sessions', body: demoInstructor });
  if (status !== 201) throw new Error(`Login of the demo instructor answered ${status}`);
  return (body as { token: string }).token;
}

async function draft(call: Call) {
  const { status, body } = await call({
    method: 'POST',
    path: '/v1/enrolments',
    body: { referencingNumber: demoReferencing },
  });
  if (status !== 201) throw new Error(`Draft creation answered ${status}`);
  const created = body as { enrolment: { id: string }; draftToken: string };
  return { id: created.enrolment.id, headers: { 'x-draft-token': created.draftToken } };
}

export const scenarios: Scenario[] = [
  {
    name: 'health',
    routeId: 'getHealth',
    kind: 'read',
    prepare: async () => ({ method: 'GET', path: '/v1/health' }),
    expectedStatus: 200,
    underLoad: true,
  },
  {
    name: 'openapi',
    routeId: 'getOpenApi',
    kind: 'read',
    prepare: async () => ({ method: 'GET', path: '/openapi.json' }),
    expectedStatus: 200,
    underLoad: true,
  },
  {
    name: 'create enrolment draft',
    routeId: 'createEnrolment',
    kind: 'write',
    prepare: async () => ({
      method: 'POST',
      path: '/v1/enrolments',
      body: { referencingNumber: demoReferencing },
    }),
    expectedStatus: 201,
    underLoad: false,
  },
  {
    name: 'read enrolment draft',
    routeId: 'getEnrolment',
    kind: 'read',
    needs: ['createEnrolment'],
    prepare: async (call) => {
      const { id, headers } = await draft(call);
      return { method: 'GET', path: `/v1/enrolments/${id}`, headers };
    },
    expectedStatus: 200,
    underLoad: true,
  },
  {
    name: 'login',
    routeId: 'login',
    kind: 'write',
    prepare: async () => ({ method: 'POST', path: '/v1/sessions', body: demoInstructor }),
    expectedStatus: 201,
    underLoad: false,
  },
  {
    name: 'my account',
    routeId: 'getMe',
    kind: 'read',
    needs: ['login'],
    prepare: async (call) => ({
      method: 'GET',
      path: '/v1/me',
      headers: { authorization: `Bearer ${await instructorToken(call)}` },
    }),
    expectedStatus: 200,
    underLoad: true,
  },
  {
    name: 'instructor enrolment list',
    routeId: 'listAdminEnrolments',
    kind: 'read',
    needs: ['login'],
    prepare: async (call) => ({
      method: 'GET',
      path: '/v1/admin/enrolments?status=DEPOSEE',
      headers: { authorization: `Bearer ${await instructorToken(call)}` },
    }),
    expectedStatus: 200,
    underLoad: true,
  },
  {
    name: 'advance form',
    routeId: 'getAdvanceForm',
    kind: 'read',
    needs: ['login', 'changePassword', 'setSecretQuestion'],
    prepare: async (call) => ({
      method: 'GET',
      path: '/v1/funding/advance',
      headers: await validatedOperator(call),
    }),
    expectedStatus: 200,
    underLoad: true,
  },
  {
    name: 'advance request (decided at once)',
    routeId: 'submitAdvanceRequest',
    kind: 'write',
    needs: ['login', 'changePassword', 'setSecretQuestion'],
    prepare: async (call) => ({
      method: 'POST',
      path: '/v1/funding/advance',
      headers: await validatedOperator(call),
      body: {
        current: { applicatives: 10, organisationnelles: 20, personnelles: 300 },
        estimatedAtClosing: { applicatives: 12, organisationnelles: 25, personnelles: 350 },
      },
    }),
    expectedStatus: 201,
    underLoad: false,
  },
];

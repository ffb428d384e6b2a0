import type * as z from 'zod/mini';
import { documentsBucket, draftHeaders, draftProblems, table, tags } from './enrolment-common.ts';
import { enrolmentIdParams } from './enrolment-schemas.ts';
import { enrolmentResponse } from './enrolment-view.ts';
import { defineRoute } from './types.ts';

/** The contract of steps 1 to 4 of the enrolment request: saved in any order, again and again. */
export const stepRoute = <const Id extends string, const B extends z.ZodMiniType>(
  id: Id,
  step: string,
  summary: string,
  body: B,
) =>
  defineRoute({
    id,
    method: 'PUT',
    path: `/v1/enrolments/{id}/steps/${step}`,
    access: 'draft',
    summary,
    tags,
    request: { params: enrolmentIdParams, body, headers: draftHeaders },
    responses: { 200: enrolmentResponse, ...draftProblems },
    permissions: { table, bucket: documentsBucket },
  });

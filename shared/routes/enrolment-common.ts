import { DRAFT_TOKEN_HEADER } from './access.ts';
import { enrolmentView } from './enrolment-schemas.ts';
import { problemResponses } from './schemas.ts';

/** What the enrolment route modules share (tags, draft token header, grants, responses). */
export const tags = ["Demande d'enrôlement"];
export const draftHeaders = {
  [DRAFT_TOKEN_HEADER]: { description: 'Jeton du brouillon, remis à sa création', required: true },
};
export const table = 'readwrite' as const;
export const documentsBucket = { prefixes: ['enrolments/'], access: 'readwrite' as const };
/** Step saves and the submission only read objects (HeadObject, first bytes) to verify them. */
export const documentsBucketRead = { prefixes: ['enrolments/'], access: 'read' as const };
export const enrolmentResponse = { description: "La demande d'enrôlement", schema: enrolmentView };
export const draftProblems = problemResponses(400, 401, 403, 404, 409, 422);

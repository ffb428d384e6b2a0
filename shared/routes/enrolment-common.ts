import { CHECKED_PREFIX, UPLOAD_PREFIX } from '../storage/upload-lifecycle.ts';
import { DRAFT_TOKEN_HEADER } from './access.ts';
import { problemResponses } from './schemas.ts';

/** What the enrolment route modules share (tags, draft token header, grants, responses). */
export const tags = ["Demande d'enrôlement"];
export const draftHeaders = {
  [DRAFT_TOKEN_HEADER]: { description: 'Jeton du brouillon, remis à sa création', required: true },
};
export const table = 'readwrite' as const;
const CHECKED_UPLOADS_PREFIX = `${CHECKED_PREFIX}${UPLOAD_PREFIX}`;
/** Uploads and their checked copies (CopyObject to check, delete on replace or reset). */
export const documentsBucket = {
  prefixes: [UPLOAD_PREFIX, CHECKED_UPLOADS_PREFIX],
  access: 'readwrite' as const,
};
/** Downloads read checked copies only: IAM itself keeps bytes a form could still replace out of reach. */
export const checkedDocumentsRead = { prefixes: [CHECKED_UPLOADS_PREFIX], access: 'read' as const };
export const draftProblems = problemResponses(400, 401, 403, 404, 409, 422);

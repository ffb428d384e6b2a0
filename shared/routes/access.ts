/** Header carrying the enrolment draft token (a capability: whoever holds it may edit that draft). */
export const DRAFT_TOKEN_HEADER = 'X-Draft-Token';

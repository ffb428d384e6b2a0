/**
 * Convention between the upload code and the documents bucket's lifecycle rules
 * (infra/stateful-stack.ts). Browsers upload under UPLOAD_PREFIX through presigned POSTs, which
 * tag each object pending. Checking a document copies it under CHECKED_PREFIX, a prefix no upload
 * form can name (each form's policy fixes its exact key under UPLOAD_PREFIX), so the checked bytes
 * cannot be replaced by posting again; every later use (downloads, submission) reads the copy.
 * The copy is tagged checked while its request is a draft; the submission clears the tag.
 */
export const UPLOAD_PREFIX = 'enrolments/';
export const CHECKED_PREFIX = 'checked/';

export const PENDING_UPLOAD_TAG = { key: 'upload', value: 'pending' } as const;
export const CHECKED_DRAFT_TAG = { key: 'upload', value: 'checked' } as const;

/** Uploads never checked (abandoned, or replaced by a later post): kept a month at most. */
export const PENDING_UPLOAD_EXPIRY_DAYS = 30;

/**
 * Checked copies of a request never submitted (its draft expired 30 days after its last save):
 * kept six months, far past any draft still being edited, then deleted (identity documents are
 * not kept without purpose). A draft still open after that finds the file gone at submission,
 * which names it to upload again.
 */
export const CHECKED_DRAFT_EXPIRY_DAYS = 180;

/** Value of the presigned POST `tagging` field (and of its policy condition). */
export const PENDING_UPLOAD_TAGGING = `<Tagging><TagSet><Tag><Key>${PENDING_UPLOAD_TAG.key}</Key><Value>${PENDING_UPLOAD_TAG.value}</Value></Tag></TagSet></Tagging>`;

/** Value of the CopyObject `Tagging` parameter (URL query form) of a checked copy. */
export const CHECKED_DRAFT_TAGGING = `${CHECKED_DRAFT_TAG.key}=${CHECKED_DRAFT_TAG.value}`;

/** The key a checked document is copied to. */
export const checkedKeyOf = (uploadKey: string): string => `${CHECKED_PREFIX}${uploadKey}`;

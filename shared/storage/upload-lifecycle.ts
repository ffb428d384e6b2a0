/**
 * Convention between the upload code and the documents bucket's lifecycle rule (infra/stateful-stack.ts):
 * every presigned POST sets this tag on the object it creates; submitting the request the document
 * is attached to removes it (PutObjectTagging with an empty tag set). The bucket deletes objects still
 * tagged pending after PENDING_UPLOAD_EXPIRY_DAYS, so uploads abandoned in a draft do not pile up.
 */
export const PENDING_UPLOAD_TAG = { key: 'upload', value: 'pending' } as const;

/** Longer than a draft is expected to stay open; an expired upload is simply asked for again. */
export const PENDING_UPLOAD_EXPIRY_DAYS = 30;

/** Value of the presigned POST `tagging` field (and of its policy condition). */
export const PENDING_UPLOAD_TAGGING = `<Tagging><TagSet><Tag><Key>${PENDING_UPLOAD_TAG.key}</Key><Value>${PENDING_UPLOAD_TAG.value}</Value></Tag></TagSet></Tagging>`;

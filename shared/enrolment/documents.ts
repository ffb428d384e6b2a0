import { randomUUID } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { bucketName, s3Client } from '../aws/s3.ts';
import {
  CHECKED_DRAFT_TAGGING,
  checkedKeyOf,
  PENDING_UPLOAD_TAGGING,
  UPLOAD_PREFIX,
} from '../storage/upload-lifecycle.ts';
import {
  checkedFileMissingReason,
  type DocumentContentType,
  judgeUpload,
  MAX_DOCUMENT_BYTES,
  SIGNATURE_BYTES,
  storageExtension,
  type VerificationOutcome,
} from './file-rules.ts';
import {
  type CheckedDocument,
  type DocumentField,
  type Enrolment,
  isChecked,
  type StoredDocument,
} from './model.ts';

/** The justificatifs in S3: presigned POST uploads under the enrolment's prefix, then verification. */
export const UPLOAD_EXPIRY_SECONDS = 300;

export const enrolmentPrefix = (enrolmentId: string) => `${UPLOAD_PREFIX}${enrolmentId}/`;

export async function presignUpload(
  enrolmentId: string,
  field: DocumentField,
  contentType: DocumentContentType,
) {
  const key = `${enrolmentPrefix(enrolmentId)}${field}/${randomUUID()}.${storageExtension(contentType)}`;
  const post = await createPresignedPost(s3Client, {
    Bucket: bucketName,
    Key: key,
    Conditions: [
      ['content-length-range', 1, MAX_DOCUMENT_BYTES],
      ['eq', '$Content-Type', contentType],
      // Tagged pending until a submission attaches it: the bucket expires abandoned uploads.
      ['eq', '$tagging', PENDING_UPLOAD_TAGGING],
    ],
    Fields: { 'Content-Type': contentType, tagging: PENDING_UPLOAD_TAGGING },
    Expires: UPLOAD_EXPIRY_SECONDS,
  });
  return { key, url: post.url, fields: post.fields };
}

/**
 * Clears the checked tag of every checked document of a submitted request, so that the bucket's
 * lifecycle rule keeps them. Idempotent (a retried submission tags them again to the same).
 */
export async function markDocumentsAttached(enrolment: Enrolment): Promise<void> {
  await Promise.all(
    Object.values(enrolment.documents).flatMap((document) =>
      document?.checkedKey
        ? [
            s3Client.send(
              new PutObjectTaggingCommand({
                Bucket: bucketName,
                Key: document.checkedKey,
                Tagging: { TagSet: [] },
              }),
            ),
          ]
        : [],
    ),
  );
}

const isMissing = (error: unknown) => {
  const name = (error as Error)?.name;
  return (
    name === 'NotFound' ||
    name === 'NoSuchKey' ||
    (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404
  );
};

/** The object's size, or undefined when it does not exist. */
async function sizeOf(key: string): Promise<number | undefined> {
  try {
    return (await s3Client.send(new HeadObjectCommand({ Bucket: bucketName, Key: key }))).ContentLength;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/**
 * HeadObject for the size, then the first bytes for the signature (never the whole file). Not one
 * ranged GET: no range of an empty object can be served (S3 answers 416, s3rver never answers).
 */
async function inspect(document: StoredDocument, key: string): Promise<VerificationOutcome> {
  const size = await sizeOf(key);
  let firstBytes: Uint8Array = new Uint8Array();
  if (size !== undefined && size > 0 && size <= MAX_DOCUMENT_BYTES) {
    const object = await s3Client.send(
      new GetObjectCommand({ Bucket: bucketName, Key: key, Range: `bytes=0-${SIGNATURE_BYTES - 1}` }),
    );
    firstBytes = (await object.Body?.transformToByteArray()) ?? firstBytes;
  }
  return judgeUpload(document.field, document.contentType, size, firstBytes);
}

/** CopyObject to the checked key, replacing the pending tag; false when the upload is absent. */
async function copyOutOfReach(uploadKey: string, checkedKey: string): Promise<boolean> {
  try {
    await s3Client.send(
      new CopyObjectCommand({
        Bucket: bucketName,
        CopySource: `${bucketName}/${encodeURI(uploadKey)}`,
        Key: checkedKey,
        TaggingDirective: 'REPLACE',
        Tagging: CHECKED_DRAFT_TAGGING,
      }),
    );
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/**
 * Copies the upload out of its form's reach, THEN checks the copy: the bytes judged are the bytes
 * kept, even if the still-valid form posts others meanwhile. A refused copy is deleted. The
 * upload itself goes once the result is saved (`deleteCheckedUploads`): deleted before, a save
 * refused for another reason would leave a document whose upload is gone and copy unrecorded.
 */
async function checkUpload(document: StoredDocument): Promise<StoredDocument> {
  const checkedKey = checkedKeyOf(document.key);
  const copied = await copyOutOfReach(document.key, checkedKey);
  const outcome = copied
    ? await inspect(document, checkedKey)
    : judgeUpload(document.field, document.contentType, undefined, new Uint8Array());
  if (!outcome.ok) {
    if (copied) await deleteObjects([checkedKey]);
    return { ...document, status: 'REJECTED', rejectionReason: outcome.reason };
  }
  const checked: StoredDocument = { ...document, status: 'VERIFIED', size: outcome.size, checkedKey };
  delete checked.rejectionReason;
  return checked;
}

/** A checked document whose copy is gone (expired under a draft kept open too long) is refused. */
async function confirmChecked(document: CheckedDocument): Promise<StoredDocument> {
  if ((await sizeOf(document.checkedKey)) !== undefined) return document;
  return { ...document, status: 'REJECTED', rejectionReason: checkedFileMissingReason(document.field) };
}

/**
 * Checks the not yet checked documents among `fields` (and, with `confirm`, that the checked
 * ones still exist); returns the enrolment with their statuses updated (not saved) and the
 * failures, each with the field it belongs to.
 */
async function checkDocuments(enrolment: Enrolment, fields: readonly DocumentField[], confirm: boolean) {
  const documents = { ...enrolment.documents };
  const failures: { field: DocumentField; reason: string }[] = [];
  await Promise.all(
    fields.map(async (field) => {
      const document = documents[field];
      if (!document || (isChecked(document) && !confirm)) return;
      const outcome = isChecked(document) ? await confirmChecked(document) : await checkUpload(document);
      documents[field] = outcome;
      if (outcome.status === 'REJECTED') failures.push({ field, reason: outcome.rejectionReason ?? '' });
    }),
  );
  return { enrolment: { ...enrolment, documents }, failures };
}

/** A step save: checks its new uploads. */
export const verifyPendingDocuments = (enrolment: Enrolment, fields: readonly DocumentField[]) =>
  checkDocuments(enrolment, fields, false);

/** The submission: checks new uploads and confirms every checked file is still there. */
export const verifyDocumentsForSubmission = (enrolment: Enrolment, fields: readonly DocumentField[]) =>
  checkDocuments(enrolment, fields, true);

/** Once `after` is saved: the uploads its newly checked documents were copied from. */
export async function deleteCheckedUploads(before: Enrolment, after: Enrolment): Promise<void> {
  const superseded = Object.values(after.documents).flatMap((document) =>
    isChecked(document) && !isChecked(before.documents[document.field]) ? [document.key] : [],
  );
  await deleteObjects(superseded);
}

/** Every object a document may occupy: its upload and its checked copy. */
export const objectKeysOf = (document: StoredDocument | undefined): string[] =>
  document ? [document.key, ...(document.checkedKey ? [document.checkedKey] : [])] : [];

export async function deleteObjects(objectKeys: string[]): Promise<void> {
  await Promise.all(
    objectKeys.map((key) => s3Client.send(new DeleteObjectCommand({ Bucket: bucketName, Key: key }))),
  );
}

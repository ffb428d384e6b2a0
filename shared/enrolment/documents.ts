import { randomUUID } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { bucketName, s3Client, s3StatusOf } from '../aws/s3.ts';
import { CLEAN, SCAN_STATUS_TAG } from '../malware-scan/verdict.ts';
import {
  CHECKED_DRAFT_TAGGING,
  checkedKeyOf,
  PENDING_UPLOAD_TAGGING,
  UPLOAD_PREFIX,
} from '../storage/upload-lifecycle.ts';
import {
  checkedFileMissingReason,
  type DocumentContentType,
  MAX_DOCUMENT_BYTES,
  notReceivedReason,
  storageExtension,
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

const enrolmentPrefix = (enrolmentId: string) => `${UPLOAD_PREFIX}${enrolmentId}/`;

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
 * Clears the lifecycle tag of every checked document of a submitted request, so that the bucket's
 * lifecycle rule keeps them (the clean verdict stays: without it the bucket refuses reads). Idempotent (a retried submission tags them again to the same).
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
                Tagging: { TagSet: ATTACHED_COPY_TAGS },
              }),
            ),
          ]
        : [],
    ),
  );
}

/** NotFound (HeadObject) and NoSuchKey (a copy's source) are both 404s. */
const isMissing = (error: unknown) => s3StatusOf(error) === 404;

/**
 * The object's size, undefined when it does not exist, or null when the bucket refuses to read it
 * (HeadObject needs read access, which the bucket refuses for an object not scanned clean: an
 * upload still unscanned; ListBucket is granted, so absent is 404, not 403).
 */
async function sizeOf(key: string): Promise<number | null | undefined> {
  try {
    return (await s3Client.send(new HeadObjectCommand({ Bucket: bucketName, Key: key }))).ContentLength;
  } catch (error) {
    if (s3StatusOf(error) === 403) return null;
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Tags of a checked copy: its lifecycle tag, and the clean verdict of the bytes it was copied from. */
const CHECKED_COPY_TAGGING = `${CHECKED_DRAFT_TAGGING}&${SCAN_STATUS_TAG}=${CLEAN}`;
/** A submitted request's checked copy keeps only the verdict (the lifecycle rule no longer applies). */
const ATTACHED_COPY_TAGS = [{ Key: SCAN_STATUS_TAG, Value: CLEAN }];

/**
 * CopyObject of exactly the scanned bytes (CopySourceIfMatch on their ETag: on a versioned bucket
 * too, the current version must be them) to the checked key, with the checked copy's tags:
 * 'changed' when the form posted other bytes since the scan (their own scan is still to come),
 * 'missing' when the upload is gone.
 */
async function copyOutOfReach(
  uploadKey: string,
  eTag: string,
  checkedKey: string,
): Promise<'copied' | 'changed' | 'missing'> {
  try {
    await s3Client.send(
      new CopyObjectCommand({
        Bucket: bucketName,
        CopySource: `${bucketName}/${encodeURI(uploadKey)}`,
        CopySourceIfMatch: `"${eTag}"`,
        Key: checkedKey,
        TaggingDirective: 'REPLACE',
        Tagging: CHECKED_COPY_TAGGING,
      }),
    );
    return 'copied';
  } catch (error) {
    // 412: other bytes at the key; 403: the bucket refuses to read them, not (yet) found clean.
    if ([403, 412].includes(s3StatusOf(error) ?? 0)) return 'changed';
    if (isMissing(error)) return 'missing';
    throw error;
  }
}

const rejected = (document: StoredDocument, reason: string): StoredDocument => ({
  ...document,
  status: 'REJECTED',
  rejectionReason: reason,
});
const notReceived = (document: StoredDocument) => rejected(document, notReceivedReason(document.field));

/** The check's answer for an upload whose malware scan has not ended yet. */
const SCANNING = 'SCANNING';

/**
 * A document is usable only once its scan is clean and its content accepted: the scan result's
 * function checks the content (size, signature) of the very bytes it found clean and records
 * the outcome with the verdict (see upload-inspection.ts). An upload still being scanned answers
 * SCANNING; a refused verdict or content rejects it (with the reason recorded then). An accepted
 * one is copied out of its form's reach, the scanned bytes exactly (their ETag): the bytes kept
 * are the bytes scanned and judged. The upload itself goes once the result is saved
 * (`deleteCheckedUploads`): deleted before, a save refused for another reason would leave a
 * document whose upload is gone and copy unrecorded.
 */
async function checkUpload(document: StoredDocument): Promise<StoredDocument | typeof SCANNING> {
  const { scan } = document;
  if (!scan) return (await sizeOf(document.key)) === undefined ? notReceived(document) : SCANNING;
  // Refused by its scan (see scanRefusal) or its content (file-rules): the recording function set why.
  if (scan.result !== CLEAN || scan.acceptedSize === undefined)
    return rejected(document, document.rejectionReason ?? notReceivedReason(document.field));
  const checkedKey = checkedKeyOf(document.key);
  const copy = await copyOutOfReach(document.key, scan.eTag, checkedKey);
  if (copy !== 'copied') return copy === 'changed' ? SCANNING : notReceived(document);
  const checked: StoredDocument = { ...document, status: 'VERIFIED', size: scan.acceptedSize, checkedKey };
  delete checked.rejectionReason;
  return checked;
}

/** A checked document whose copy is gone (expired under a draft kept open too long) is refused. */
async function confirmChecked(document: CheckedDocument): Promise<StoredDocument> {
  if ((await sizeOf(document.checkedKey)) !== undefined) return document;
  return rejected(document, checkedFileMissingReason(document.field));
}

/**
 * Checks the not yet checked documents among `fields` (and, with `confirm`, that the checked
 * ones still exist); returns the enrolment with their statuses updated (not saved), the
 * failures, each with the field it belongs to, and the fields whose scan is still running.
 */
async function checkDocuments(enrolment: Enrolment, fields: readonly DocumentField[], confirm: boolean) {
  const documents = { ...enrolment.documents };
  const failures: { field: DocumentField; reason: string }[] = [];
  const scanning: DocumentField[] = [];
  await Promise.all(
    fields.map(async (field) => {
      const document = documents[field];
      if (!document || (isChecked(document) && !confirm)) return;
      const outcome = isChecked(document) ? await confirmChecked(document) : await checkUpload(document);
      if (outcome === SCANNING) return void scanning.push(field);
      documents[field] = outcome;
      if (outcome.status === 'REJECTED') failures.push({ field, reason: outcome.rejectionReason ?? '' });
    }),
  );
  return { enrolment: { ...enrolment, documents }, failures, scanning };
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

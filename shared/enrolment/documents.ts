import { randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { bucketName, s3Client } from '../aws/s3.ts';
import { PENDING_UPLOAD_TAGGING } from '../storage/upload-lifecycle.ts';
import {
  type DocumentContentType,
  judgeUpload,
  MAX_DOCUMENT_BYTES,
  SIGNATURE_BYTES,
  storageExtension,
  type VerificationOutcome,
} from './file-rules.ts';
import type { DocumentField, Enrolment, StoredDocument } from './model.ts';

/** The justificatifs in S3: presigned POST uploads under the enrolment's prefix, then verification. */
export const UPLOAD_EXPIRY_SECONDS = 300;

export const enrolmentPrefix = (enrolmentId: string) => `enrolments/${enrolmentId}/`;

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
 * Clears the pending tag of every document of a submitted request, so that the bucket's
 * lifecycle rule keeps them. Idempotent (a retried submission tags them again to the same).
 */
export async function markDocumentsAttached(enrolment: Enrolment): Promise<void> {
  await Promise.all(
    Object.values(enrolment.documents).map((document) =>
      s3Client.send(
        new PutObjectTaggingCommand({ Bucket: bucketName, Key: document.key, Tagging: { TagSet: [] } }),
      ),
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

/** HeadObject for the size, then the first bytes for the signature (never the whole file). */
export async function verifyUpload(document: StoredDocument): Promise<VerificationOutcome> {
  let size: number | undefined;
  try {
    const head = await s3Client.send(new HeadObjectCommand({ Bucket: bucketName, Key: document.key }));
    size = head.ContentLength;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  let firstBytes: Uint8Array = new Uint8Array();
  if (size !== undefined && size > 0 && size <= MAX_DOCUMENT_BYTES) {
    const object = await s3Client.send(
      new GetObjectCommand({
        Bucket: bucketName,
        Key: document.key,
        Range: `bytes=0-${SIGNATURE_BYTES - 1}`,
      }),
    );
    firstBytes = (await object.Body?.transformToByteArray()) ?? firstBytes;
  }
  return judgeUpload(document.field, document.contentType, size, firstBytes);
}

/**
 * Verifies the still-unverified documents among `fields`; returns the enrolment with their
 * statuses updated (not saved) and the failures, each with the field it belongs to.
 */
export async function verifyPendingDocuments(enrolment: Enrolment, fields: readonly DocumentField[]) {
  const documents = { ...enrolment.documents };
  const failures: { field: DocumentField; reason: string }[] = [];
  await Promise.all(
    fields.map(async (field) => {
      const document = documents[field];
      if (!document || document.status === 'VERIFIED') return;
      const outcome = await verifyUpload(document);
      if (outcome.ok) documents[field] = { ...document, status: 'VERIFIED', size: outcome.size };
      else {
        failures.push({ field, reason: outcome.reason });
        documents[field] = { ...document, status: 'REJECTED', rejectionReason: outcome.reason };
      }
    }),
  );
  return { enrolment: { ...enrolment, documents }, failures };
}

export async function deleteObjects(objectKeys: string[]): Promise<void> {
  await Promise.all(
    objectKeys.map((key) => s3Client.send(new DeleteObjectCommand({ Bucket: bucketName, Key: key }))),
  );
}

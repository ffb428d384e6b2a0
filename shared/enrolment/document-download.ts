import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName, s3Client } from '../aws/s3.ts';
import { attachmentDisposition } from '../storage/content-disposition.ts';
import type { CheckedDocument } from './model.ts';

/**
 * A short-lived GET of a checked justificatif (its checked copy: never bytes a form could still
 * replace), saved under its original file name. Its own
 * module so that only the download functions (draft holder, instructors) bundle the presigner.
 */
const DOWNLOAD_EXPIRY_SECONDS = 60;

export async function presignDownload(
  document: CheckedDocument,
): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(
    s3Client,
    new GetObjectCommand({
      Bucket: bucketName,
      Key: document.checkedKey,
      ResponseContentDisposition: attachmentDisposition(document.fileName),
      ResponseContentType: document.contentType,
    }),
    { expiresIn: DOWNLOAD_EXPIRY_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_EXPIRY_SECONDS * 1000).toISOString() };
}

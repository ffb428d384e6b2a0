import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName, s3Client } from '../aws/s3.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';
import type { StoredDocument } from './model.ts';

/**
 * A short-lived GET of a stored justificatif, saved under its original file name. Its own
 * module so that only the download functions (draft holder, instructors) bundle the presigner.
 */
export const DOWNLOAD_EXPIRY_SECONDS = 60;

export async function presignDownload(document: StoredDocument): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(
    s3Client,
    new GetObjectCommand({
      Bucket: bucketName,
      Key: document.key,
      ResponseContentDisposition: attachmentDisposition(document.fileName),
      ResponseContentType: document.contentType,
    }),
    { expiresIn: DOWNLOAD_EXPIRY_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_EXPIRY_SECONDS * 1000).toISOString() };
}

import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName, s3Client } from '../aws/s3.ts';
import { attachmentDisposition } from './content-disposition.ts';

/** Download links live five minutes: long enough to click, too short to be shared usefully. */
export const DOWNLOAD_LINK_SECONDS = 300;

/** A short-lived presigned GET that makes the browser save the object under `fileName`. */
export async function presignedDownload(
  object: { key: string; fileName: string; contentType: string },
  now = new Date(),
): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(
    s3Client,
    new GetObjectCommand({
      Bucket: bucketName,
      Key: object.key,
      ResponseContentDisposition: attachmentDisposition(object.fileName),
      ResponseContentType: object.contentType,
    }),
    { expiresIn: DOWNLOAD_LINK_SECONDS },
  );
  return { url, expiresAt: new Date(now.getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString() };
}

import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, s3Client, s3StatusOf } from '../aws/s3.ts';
import type { ScanVerdict } from '../malware-scan/verdict.ts';
import { judgeUpload, MAX_DOCUMENT_BYTES, SIGNATURE_BYTES, type VerificationOutcome } from './file-rules.ts';
import type { StoredDocument } from './model.ts';

/** The key now holds other bytes than the scanned ones: their own scan result is still to come. */
export const CHANGED = 'CHANGED';

/**
 * The content check (file-rules: size, then signature) of exactly the bytes a clean scan found, by
 * the scan result's function (only it bundles GetObject). Every read names the scanned ETag
 * (If-Match) and version, so that bytes posted since are never judged in their place: 412, or 403
 * (the bucket refuses to read bytes not yet scanned clean), answers CHANGED. HeadObject for the
 * size, then the first bytes (never the whole file); not one ranged GET: no range of an empty
 * object can be served (S3 answers 416, s3rver never answers).
 */
export async function inspectScannedUpload(
  document: StoredDocument,
  scanned: Pick<ScanVerdict, 'eTag' | 'versionId'>,
): Promise<VerificationOutcome | typeof CHANGED> {
  const pinned = {
    Bucket: bucketName,
    Key: document.key,
    IfMatch: `"${scanned.eTag}"`,
    ...(scanned.versionId ? { VersionId: scanned.versionId } : {}),
  };
  try {
    const size = (await s3Client.send(new HeadObjectCommand(pinned))).ContentLength;
    let firstBytes: Uint8Array = new Uint8Array();
    if (size !== undefined && size > 0 && size <= MAX_DOCUMENT_BYTES) {
      const object = await s3Client.send(
        new GetObjectCommand({ ...pinned, Range: `bytes=0-${SIGNATURE_BYTES - 1}` }),
      );
      firstBytes = (await object.Body?.transformToByteArray()) ?? firstBytes;
    }
    return judgeUpload(document.field, document.contentType, size, firstBytes);
  } catch (error) {
    const status = s3StatusOf(error);
    if (status === 412 || status === 403) return CHANGED;
    // Gone (ListBucket is granted, so absent is 404): judged as not received.
    if (status === 404) return judgeUpload(document.field, document.contentType, undefined, new Uint8Array());
    throw error;
  }
}

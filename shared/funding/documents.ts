import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName, s3Client } from '../aws/s3.ts';
import { attachmentDisposition } from '../storage/content-disposition.ts';
import type { Dossier, DossierDocument } from './dossier-model.ts';
import type { DocumentLinks } from './view.ts';

/** Download links live five minutes: long enough to click, too short to be shared usefully. */
const DOWNLOAD_LINK_SECONDS = 300;

export async function putDossierPdf(key: string, bytes: Uint8Array): Promise<void> {
  await s3Client.send(
    new PutObjectCommand({
      Bucket: bucketName,
      Key: key,
      Body: bytes,
      ContentType: 'application/pdf',
      ServerSideEncryption: 'AES256',
    }),
  );
}

/** A presigned GET that makes the browser save the file under its decision name. */
async function downloadLink(document: DossierDocument, now = new Date()) {
  const url = await getSignedUrl(
    s3Client,
    new GetObjectCommand({
      Bucket: bucketName,
      Key: document.key,
      ResponseContentDisposition: attachmentDisposition(document.fileName),
      ResponseContentType: document.contentType,
    }),
    { expiresIn: DOWNLOAD_LINK_SECONDS },
  );
  return { url, expiresAt: new Date(now.getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString() };
}

/** A download link for every document listed on the dossier. */
export async function documentLinks(dossier: Dossier): Promise<DocumentLinks> {
  const documents = Object.values(dossier.documents).filter((document) => document !== undefined);
  const links = await Promise.all(
    documents.map(async (document) => [document.kind, await downloadLink(document)]),
  );
  return Object.fromEntries(links);
}

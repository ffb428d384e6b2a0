import { DOCUMENT_FIELDS, type DocumentField, type StoredDocument } from './model.ts';

/**
 * Justificatif file rules (pure): "Fichier de type .png, .jpg, .jpeg ou .pdf. Taille maximum :
 * 4 Mo" — 4 Mo read as 4 MiB = 4 194 304 bytes. The type is checked three times: the declared
 * Content-Type against the file name, the presigned policy (exact Content-Type), and the
 * uploaded bytes' signature.
 */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

export type DocumentContentType = StoredDocument['contentType'];

const SIGNATURES: Record<DocumentContentType, { extensions: string[]; magic: number[] }> = {
  'application/pdf': { extensions: ['pdf'], magic: [...Buffer.from('%PDF-')] },
  'image/png': { extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
};

/** Bytes to read from an object to check its signature. */
export const SIGNATURE_BYTES = 8;

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();

export const fileNameMatchesType = (fileName: string, contentType: DocumentContentType): boolean =>
  SIGNATURES[contentType].extensions.includes(extensionOf(fileName) ?? '');

export const storageExtension = (contentType: DocumentContentType): string =>
  SIGNATURES[contentType].extensions[0] as string;

const hasSignature = (contentType: DocumentContentType, firstBytes: Uint8Array): boolean =>
  SIGNATURES[contentType].magic.every((byte, index) => firstBytes[index] === byte);

export type VerificationOutcome = { ok: true; size: number } | { ok: false; reason: string };

export const notReceivedReason = (field: DocumentField): string =>
  `Le fichier « ${DOCUMENT_FIELDS[field]} » n'a pas été reçu : déposez-le à nouveau.`;

/** The verdict on an uploaded object, from its size (undefined: absent) and first bytes. */
export function judgeUpload(
  field: DocumentField,
  contentType: DocumentContentType,
  size: number | undefined,
  firstBytes: Uint8Array,
): VerificationOutcome {
  const label = DOCUMENT_FIELDS[field];
  if (size === undefined) return { ok: false, reason: notReceivedReason(field) };
  if (size === 0)
    return { ok: false, reason: `Le fichier « ${label} » est vide (0 octet) : déposez le document complet.` };
  if (size > MAX_DOCUMENT_BYTES)
    return { ok: false, reason: `Le fichier « ${label} » dépasse la taille maximum de 4 Mo.` };
  if (!hasSignature(contentType, firstBytes))
    return {
      ok: false,
      reason: `Le contenu du fichier « ${label} » ne correspond pas à son type (.png, .jpg, .jpeg ou .pdf attendu).`,
    };
  return { ok: true, size };
}

/** A checked file no longer in storage (see CHECKED_DRAFT_EXPIRY_DAYS): the applicant uploads it again. */
export const checkedFileMissingReason = (field: DocumentField): string =>
  `Le fichier « ${DOCUMENT_FIELDS[field]} » n'est plus disponible : déposez-le à nouveau.`;

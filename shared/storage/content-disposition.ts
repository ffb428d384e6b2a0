import { create } from 'content-disposition';

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / RFC 8187, jshttp's
 * content-disposition) for any stored name, even one saved before input was checked for
 * well-formed Unicode: a lone surrogate, which no encoder accepts, becomes U+FFFD first.
 */
export const attachmentDisposition = (fileName: string): string =>
  create(fileName.toWellFormed(), { type: 'attachment' });

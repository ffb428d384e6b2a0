import type { ScanResult } from '../malware-scan/verdict.ts';
import { DOCUMENT_FIELDS, type DocumentField } from './model.ts';

/**
 * Why a document whose scan is not clean is refused (French, naming the document); undefined
 * when clean. UNSUPPORTED is what an encrypted or password-protected file gives: it cannot be
 * analysed, so it cannot be accepted. ACCESS_DENIED and FAILED are our side's failures: the
 * applicant is asked to upload again (a new object, scanned again) and operations are alarmed.
 */
export function scanRefusal(field: DocumentField, result: ScanResult): string | undefined {
  const label = DOCUMENT_FIELDS[field];
  switch (result) {
    case 'NO_THREATS_FOUND':
      return undefined;
    case 'THREATS_FOUND':
      return `Le fichier « ${label} » a été refusé : l'analyse antivirus y a détecté un logiciel malveillant. Il a été supprimé.`;
    case 'UNSUPPORTED':
      return `Le fichier « ${label} » ne peut pas être analysé par l'antivirus (fichier chiffré ou protégé par mot de passe, par exemple) : déposez-en une version non protégée.`;
    case 'ACCESS_DENIED':
    case 'FAILED':
      return `L'analyse antivirus du fichier « ${label} » a échoué : déposez-le à nouveau.`;
  }
}

/** The answer to a save that needs a document whose scan has not ended yet. */
export const scanPendingMessage = (field: DocumentField): string =>
  `Fichier « ${DOCUMENT_FIELDS[field]} » : analyse antivirus en cours, réessayez dans quelques secondes.`;

/** Seconds a client waits before retrying (the 409's Retry-After header). */
export const SCAN_RETRY_AFTER_SECONDS = 5;

import { NotFoundError } from '../errors.ts';

/** A workflow started for a dossier, or a decision, that does not exist (permanent: not retried). */
export const missingDossier = (dossierNumber: string) =>
  new NotFoundError('dossier_not_found', `Dossier ${dossierNumber} introuvable ou sans décision de ce type.`);

/** The call version a decision applied is no longer stored (the PDF would misstate it). */
export const missingCallVersion = (callId: string, version: number) =>
  new NotFoundError('call_version_not_found', `Version ${version} de l'appel ${callId} introuvable.`);

import { TASK_ERRORS, TaskError } from '../workflows/errors.ts';

/** Permanent (not retried): a workflow started for a dossier, or a decision, that does not exist. */
export const missingDossier = (dossierNumber: string) =>
  new TaskError(
    TASK_ERRORS.invalidInput,
    `Dossier ${dossierNumber} introuvable ou sans décision de ce type.`,
  );

/** Permanent: the call version a decision applied is no longer stored (the PDF would misstate it). */
export const missingCallVersion = (callId: string, version: number) =>
  new TaskError(TASK_ERRORS.invalidInput, `Version ${version} de l'appel ${callId} introuvable.`);

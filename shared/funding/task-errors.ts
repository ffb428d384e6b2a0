import { TASK_ERRORS, TaskError } from '../workflows/errors.ts';

/** Permanent (not retried): a workflow started for a dossier, or a decision, that does not exist. */
export const missingDossier = (dossierNumber: string) =>
  new TaskError(
    TASK_ERRORS.invalidInput,
    `Dossier ${dossierNumber} introuvable ou sans décision de ce type.`,
  );

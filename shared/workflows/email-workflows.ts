import type { WorkflowDefinition, WorkflowTaskDefinition } from './types.ts';

/**
 * The email sequence's state machines (ASL, JSONPath) and their task Lambdas. Every task state
 * retries with exponential backoff and full jitter, then catches into `recordWorkflowFailure`.
 * Start them with `startWorkflow(id, executionName(enrolmentId, event, version), { enrolmentId })`.
 */
export const emailWorkflows: WorkflowDefinition[] = [
  {
    id: 'enrolmentSubmitted',
    file: 'infra/workflows/enrolment-submitted.asl.json',
    description: "Accusé de réception d'une demande d'enrôlement déposée",
  },
  {
    id: 'enrolmentValidated',
    file: 'infra/workflows/enrolment-validated.asl.json',
    description: 'Validation : courriel de validation, compte opérateur, identifiant puis mot de passe',
  },
  {
    id: 'enrolmentChangesRequested',
    file: 'infra/workflows/enrolment-changes-requested.asl.json',
    description: 'Demande de modification : commentaire et lien de reprise de la demande',
  },
  {
    id: 'enrolmentRejected',
    file: 'infra/workflows/enrolment-rejected.asl.json',
    description: 'Rejet de la demande avec son motif',
  },
  {
    id: 'sendEmail',
    file: 'infra/workflows/send-email.asl.json',
    description: "Envoi d'un courriel automatique enregistré sur sa demande ou son dossier",
  },
];

export const emailWorkflowTasks: WorkflowTaskDefinition[] = [
  {
    id: 'sendRecordedEmail',
    handler: 'functions/workflow/send-email.ts',
    permissions: { table: 'readwrite', ses: true },
    timeoutSeconds: 25,
  },
  {
    id: 'recordWorkflowFailure',
    handler: 'functions/workflow/record-failure.ts',
    permissions: { table: 'readwrite' },
    timeoutSeconds: 25,
  },
  {
    id: 'provisionOperatorAccount',
    handler: 'functions/workflow/provision-account.ts',
    permissions: { table: 'readwrite' },
    timeoutSeconds: 25,
  },
  {
    id: 'sendTemporaryPassword',
    handler: 'functions/workflow/send-temporary-password.ts',
    permissions: { table: 'readwrite', ses: true },
    // scrypt N = 2^17 hashing of the new password takes a few hundred milliseconds.
    memoryMb: 1024,
    // Validations come in batches: their hashing must not take the routes' concurrency.
    reservedConcurrency: 10,
    timeoutSeconds: 25,
  },
];

import { FUNDING_EMAIL_LABELS } from '../funding/emails.ts';
import { DELIVERY_STATUS_LABELS, EMAIL_STATUS_LABELS, type EmailRecord } from './record-model.ts';
import { ACKNOWLEDGEMENT_LABEL } from './templates/enrolment-acknowledgement.ts';
import { CHANGES_REQUESTED_LABEL } from './templates/enrolment-changes-requested.ts';
import { REJECTION_LABEL } from './templates/enrolment-rejection.ts';
import { VALIDATION_LABEL } from './templates/enrolment-validation.ts';

/**
 * Every automatic email type and its French label, as "Courriels automatiques envoyés" lists it.
 * Add a line per new email type (the funding dossier's decision email, for example).
 */
const EMAIL_TYPE_LABELS: Record<string, string> = {
  enrolmentAcknowledgement: ACKNOWLEDGEMENT_LABEL,
  enrolmentValidation: VALIDATION_LABEL,
  enrolmentChangesRequested: CHANGES_REQUESTED_LABEL,
  enrolmentRejection: REJECTION_LABEL,
  operatorIdentifier: 'Identifiant de connexion',
  operatorTemporaryPassword: 'Mot de passe temporaire',
  ...FUNDING_EMAIL_LABELS,
};

/** A recorded email as the API shows it (see `emailRecordSchema` in record-view.ts). */
export const toEmailView = ({ deliveryRank: _rank, ...record }: EmailRecord) => ({
  ...record,
  label: EMAIL_TYPE_LABELS[record.emailType] ?? record.emailType,
  statusLabel: EMAIL_STATUS_LABELS[record.status],
  ...(record.deliveryStatus ? { deliveryStatusLabel: DELIVERY_STATUS_LABELS[record.deliveryStatus] } : {}),
});

import type { Permissions, RouteDefinition } from '#shared/routes/types.ts';
import { changePasswordRoute } from './accounts/change-password/route.ts';
import { loginRoute } from './accounts/login/route.ts';
import { logoutRoute } from './accounts/logout/route.ts';
import { meRoute } from './accounts/me/route.ts';
import { myEnrolmentsRoute } from './accounts/my-enrolments/route.ts';
import { recoverIdentifierRoute } from './accounts/recover-identifier/route.ts';
import { requestPasswordResetRoute } from './accounts/request-password-reset/route.ts';
import { resetPasswordRoute } from './accounts/reset-password/route.ts';
import { resetQuestionRoute } from './accounts/reset-question/route.ts';
import { setSecretQuestionRoute } from './accounts/set-secret-question/route.ts';
import { decideEnrolmentRoute } from './admin/decide-enrolment/route.ts';
import { getAdminEnrolmentRoute } from './admin/get-enrolment/route.ts';
import { listAdminEnrolmentsRoute } from './admin/list-enrolments/route.ts';
import { retryEnrolmentWorkflowRoute } from './admin/retry-enrolment-workflow/route.ts';
import { searchAdminEnrolmentsRoute } from './admin/search-enrolments/route.ts';
import { createCaptchaRoute } from './enrolment/create-captcha/route.ts';
import { createEnrolmentRoute } from './enrolment/create-enrolment/route.ts';
import { deleteEnrolmentRoute } from './enrolment/delete-enrolment/route.ts';
import { getCaptchaAudioRoute } from './enrolment/get-captcha-audio/route.ts';
import { getEnrolmentRoute } from './enrolment/get-enrolment/route.ts';
import { getEnrolmentDocumentRoute } from './enrolment/get-enrolment-document/route.ts';
import { getFrenchBankRoute } from './enrolment/get-french-bank/route.ts';
import { getModelDocumentRoute } from './enrolment/get-model-document/route.ts';
import { getReferencingRoute } from './enrolment/get-referencing/route.ts';
import { lookupCompanyRoute } from './enrolment/lookup-company/route.ts';
import { requestDocumentUploadRoute } from './enrolment/request-document-upload/route.ts';
import { resetStepRoute } from './enrolment/reset-step/route.ts';
import { saveApplicantStepRoute } from './enrolment/save-applicant-step/route.ts';
import { saveBankStepRoute } from './enrolment/save-bank-step/route.ts';
import { saveReferencingStepRoute } from './enrolment/save-referencing-step/route.ts';
import { saveVatStepRoute } from './enrolment/save-vat-step/route.ts';
import { submitEnrolmentRoute } from './enrolment/submit-enrolment/route.ts';
import { correctFundingCallRoute } from './funding/correct-funding-call/route.ts';
import { estimateFundingRoute } from './funding/estimate-funding/route.ts';
import { getAdvanceFormRoute } from './funding/get-advance-form/route.ts';
import { getDossierRoute } from './funding/get-dossier/route.ts';
import { getFundingCallRoute } from './funding/get-funding-call/route.ts';
import { launchPaymentRoute } from './funding/launch-payment/route.ts';
import { listDossiersRoute } from './funding/list-dossiers/route.ts';
import { listFundingCallVersionsRoute } from './funding/list-funding-call-versions/route.ts';
import { retryDossierWorkflowRoute } from './funding/retry-dossier-workflow/route.ts';
import { submitAdvanceRoute } from './funding/submit-advance/route.ts';
import { submitBalanceRoute } from './funding/submit-balance/route.ts';
import { deepHealthRoute } from './system/deep-health/route.ts';
import { healthRoute } from './system/health/route.ts';
import { openApiRoute } from './system/openapi/route.ts';

/** A route's contract and the handler module beside it (`functions/<domain>/<action>/handler.ts`). */
export interface RouteSlice extends RouteDefinition {
  /** Its handler module, relative to the repository root, exporting `handler`. */
  handler: string;
}

const slice = (folder: string, route: RouteDefinition): RouteSlice => ({
  ...route,
  handler: `functions/${folder}/handler.ts`,
});

/**
 * The route table: an index of the route slices, each `functions/<domain>/<action>/` holding its
 * contract (`route.ts`) beside its handler (`handler.ts`), which imports that contract alone. The
 * CDK stack, the local gateway, the OpenAPI document and the bench read this index; no handler does.
 */
export const routeTable: readonly RouteSlice[] = [
  slice('system/health', healthRoute),
  slice('system/openapi', openApiRoute),
  slice('system/deep-health', deepHealthRoute),
  slice('enrolment/create-captcha', createCaptchaRoute),
  slice('enrolment/get-captcha-audio', getCaptchaAudioRoute),
  slice('enrolment/get-referencing', getReferencingRoute),
  slice('enrolment/create-enrolment', createEnrolmentRoute),
  slice('enrolment/get-enrolment', getEnrolmentRoute),
  slice('enrolment/delete-enrolment', deleteEnrolmentRoute),
  slice('enrolment/submit-enrolment', submitEnrolmentRoute),
  slice('enrolment/lookup-company', lookupCompanyRoute),
  slice('enrolment/save-referencing-step', saveReferencingStepRoute),
  slice('enrolment/save-applicant-step', saveApplicantStepRoute),
  slice('enrolment/save-bank-step', saveBankStepRoute),
  slice('enrolment/save-vat-step', saveVatStepRoute),
  slice('enrolment/reset-step', resetStepRoute),
  slice('enrolment/request-document-upload', requestDocumentUploadRoute),
  slice('enrolment/get-enrolment-document', getEnrolmentDocumentRoute),
  slice('enrolment/get-model-document', getModelDocumentRoute),
  slice('enrolment/get-french-bank', getFrenchBankRoute),
  slice('accounts/login', loginRoute),
  slice('accounts/logout', logoutRoute),
  slice('accounts/change-password', changePasswordRoute),
  slice('accounts/set-secret-question', setSecretQuestionRoute),
  slice('accounts/recover-identifier', recoverIdentifierRoute),
  slice('accounts/request-password-reset', requestPasswordResetRoute),
  slice('accounts/reset-question', resetQuestionRoute),
  slice('accounts/reset-password', resetPasswordRoute),
  slice('accounts/me', meRoute),
  slice('accounts/my-enrolments', myEnrolmentsRoute),
  slice('admin/list-enrolments', listAdminEnrolmentsRoute),
  slice('admin/search-enrolments', searchAdminEnrolmentsRoute),
  slice('admin/get-enrolment', getAdminEnrolmentRoute),
  slice('admin/decide-enrolment', decideEnrolmentRoute),
  slice('admin/retry-enrolment-workflow', retryEnrolmentWorkflowRoute),
  slice('funding/get-advance-form', getAdvanceFormRoute),
  slice('funding/estimate-funding', estimateFundingRoute),
  slice('funding/submit-advance', submitAdvanceRoute),
  slice('funding/get-dossier', getDossierRoute),
  slice('funding/submit-balance', submitBalanceRoute),
  slice('funding/list-dossiers', listDossiersRoute),
  slice('funding/launch-payment', launchPaymentRoute),
  slice('funding/get-funding-call', getFundingCallRoute),
  slice('funding/list-funding-call-versions', listFundingCallVersionsRoute),
  slice('funding/correct-funding-call', correctFundingCallRoute),
  slice('funding/retry-dossier-workflow', retryDossierWorkflowRoute),
];

/** The Lambda authorizer of protected routes (operator, instructor, account), deployed on the HTTP API. */
export const authorizerModule = 'functions/auth/authorizer.ts';

/** What the authorizer touches: it reads the session and slides its idle expiry. */
export const authorizerPermissions: Permissions = { table: 'readwrite' };

import { checkBankDetails } from '#shared/enrolment/bank.ts';
import { saveStep } from '#shared/enrolment/commands.ts';
import { loadEditable } from '#shared/enrolment/repository.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { ok } from '#shared/http/handler.ts';
import { invalidData } from '#shared/http/problem.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { saveBankStepRoute } from './route.ts';

/**
 * Domiciliation: required, as the guide's form marks it; the form fills it from GET
 * /v1/banks/{bank} as soon as the IBAN is typed and the applicant types it for an unknown bank.
 */
export const handler = draftWriteHandler(saveBankStepRoute, loadEditable, async ({ body }, enrolment) => {
  const checked = checkBankDetails(body.iban, body.bic);
  if (!checked.ok) {
    const errors = checked.errors.map((error) => ({ path: `body.${error.field}`, message: error.message }));
    throw invalidData(errors[0]?.message ?? 'Coordonnées bancaires invalides.', errors);
  }
  const bank = {
    iban: checked.iban,
    bic: checked.bic,
    titulaire: body.titulaire.trim(),
    domiciliation: body.domiciliation.trim(),
  };
  return ok(enrolmentView(await saveStep(enrolment, 'bank', { bank })));
});

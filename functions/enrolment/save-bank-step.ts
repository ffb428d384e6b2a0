import { checkBankDetails, domiciliationOf } from '../../shared/enrolment/bank.ts';
import { saveStep } from '../../shared/enrolment/commands.ts';
import { draftHandler } from '../../shared/enrolment/draft-handler.ts';
import { loadEditable } from '../../shared/enrolment/repository.ts';
import { enrolmentView } from '../../shared/enrolment/view.ts';
import { ok } from '../../shared/http/handler.ts';
import { invalidData, invalidField } from '../../shared/http/problem.ts';
import { saveBankStepRoute } from '../../shared/routes/enrolment-steps.ts';

/** Domiciliation: as typed when given, else the bank's name from its code when known. */
export const handler = draftHandler(saveBankStepRoute, loadEditable, async ({ body }, enrolment) => {
  const checked = checkBankDetails(body.iban, body.bic);
  if (!checked.ok) {
    const errors = checked.errors.map((error) => ({ path: `body.${error.field}`, message: error.message }));
    throw invalidData(errors[0]?.message ?? 'Coordonnées bancaires invalides.', errors);
  }
  const domiciliation = body.domiciliation?.trim() || domiciliationOf(checked.countryCode, checked.bankCode);
  if (!domiciliation) {
    throw invalidField(
      'body.domiciliation',
      'Le champ « Domiciliation » est obligatoire : la banque de cet IBAN est inconnue, saisissez sa domiciliation.',
    );
  }
  const bank = { iban: checked.iban, bic: checked.bic, titulaire: body.titulaire.trim(), domiciliation };
  return ok(enrolmentView(await saveStep(enrolment, 'bank', { bank })));
});

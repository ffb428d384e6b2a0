import { saveStep } from '#shared/enrolment/commands.ts';
import { loadEditable } from '#shared/enrolment/repository.ts';
import type { VatRegime } from '#shared/enrolment/vat.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { ok } from '#shared/http/handler.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { saveVatStepRoute } from './route.ts';

export const handler = draftWriteHandler(saveVatStepRoute, loadEditable, async ({ body }, enrolment) => {
  return ok(enrolmentView(await saveStep(enrolment, 'vat', { vat: { regime: body.regime as VatRegime } })));
});

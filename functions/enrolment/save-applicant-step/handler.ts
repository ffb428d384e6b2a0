import { buildApplicantStep } from '#shared/enrolment/applicant.ts';
import { saveStep } from '#shared/enrolment/commands.ts';
import { loadEditable } from '#shared/enrolment/repository.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { ok } from '#shared/http/handler.ts';
import { invalidData } from '#shared/http/problem.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { saveApplicantStepRoute } from './route.ts';

export const handler = draftWriteHandler(
  saveApplicantStepRoute,
  loadEditable,
  async ({ body }, enrolment) => {
    const built = buildApplicantStep(body, enrolment.lookedUpCompany);
    if (!built.ok) throw invalidData(built.errors[0]?.message ?? 'Données invalides.', built.errors);
    return ok(enrolmentView(await saveStep(enrolment, 'applicant', { applicant: built.step })));
  },
);

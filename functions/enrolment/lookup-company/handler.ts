import { requireCaptcha } from '#shared/captcha/index.ts';
import { now } from '#shared/clock.ts';
import { findCompanyOrFail } from '#shared/companies/index.ts';
import { loadEditable, saveEnrolment, touched } from '#shared/enrolment/repository.ts';
import { isValidSiret, normaliseSiret, SIRET_CHECKSUM_MESSAGE } from '#shared/enrolment/siret.ts';
import { ok } from '#shared/http/handler.ts';
import { invalidField } from '#shared/http/problem.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { lookupCompanyRoute } from './route.ts';

/**
 * Step 2 "Rechercher": the SIRET is checked before the captcha is spent; the directory's answer
 * is kept on the draft, so the applicant step is saved against what the directory said (a
 * changed dénomination then requires a Kbis).
 */
export const handler = draftWriteHandler(lookupCompanyRoute, loadEditable, async ({ body }, enrolment) => {
  const siret = normaliseSiret(body.siret);
  if (!isValidSiret(siret)) throw invalidField('body.siret', SIRET_CHECKSUM_MESSAGE);
  await requireCaptcha(body.captcha);
  const company = await findCompanyOrFail(siret);
  const lookedUpCompany = {
    siret,
    denominationSociale: company.denominationSociale,
    address: company.address,
  };
  await saveEnrolment(touched({ ...enrolment, lookedUpCompany }, now()));
  return ok(lookedUpCompany);
});

import { bankCodeOf, frenchBankName } from '#shared/enrolment/french-banks.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { notFound } from '#shared/http/problem.ts';
import { getFrenchBankRoute } from './route.ts';

export const handler = httpHandler(getFrenchBankRoute, async ({ params }) => {
  const bankCode = bankCodeOf(params.bank);
  const domiciliation = bankCode === undefined ? undefined : frenchBankName(bankCode);
  if (bankCode === undefined || domiciliation === undefined)
    throw notFound('bank_unknown', 'Banque inconnue : saisissez la domiciliation indiquée sur votre RIB.');
  // The table changes only with a release: browsers and CDNs may keep the answer a day.
  return ok({ bankCode, domiciliation }, { 'cache-control': 'public, max-age=86400' });
});

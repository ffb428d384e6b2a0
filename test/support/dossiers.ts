import type { PostalAddress } from '#shared/enrolment/model.ts';
import { advanceHtCents, totalHtCents, withVat } from '#shared/funding/amounts.ts';
import { guideFundingCall } from '#shared/funding/call.ts';
import type { Dossier } from '#shared/funding/dossier-model.ts';

/** The guide's example beneficiary (PROCIVIS IMMOBILIER, zbuMSS0046). */
export const GUIDE_ADDRESS: PostalAddress = {
  numero: '87',
  typeVoie: 'CHEM',
  nomVoie: 'DE MONS',
  codePostal: '59009',
  commune: 'VILLENEUVE D ASCQ',
};

export const TEN_OF_EACH = { applicatives: 10, organisationnelles: 10, personnelles: 10 };

/** The guide's dossier FINMSS007206 (10 BAL of each kind, 20 %, deposited 09/11/2022), decided. */
export function guideDossier(overrides: Partial<Dossier> = {}): Dossier {
  const call = guideFundingCall();
  return {
    number: 'FINMSS007206',
    callId: call.callId,
    callVersion: 1,
    status: 'DECIDEE',
    version: 1,
    accountId: 'account-1',
    enrolmentId: 'enrolment-1',
    beneficiary: {
      siret: '39177919600040',
      denominationSociale: 'PROCIVIS IMMOBILIER',
      address: GUIDE_ADDRESS,
      referencingNumber: 'zbuMSS0046',
      vatRegime: 'TTC_20',
    },
    advance: {
      current: TEN_OF_EACH,
      estimatedAtClosing: TEN_OF_EACH,
      estimatedTotal: withVat(totalHtCents(call, TEN_OF_EACH), 'TTC_20'),
      decided: withVat(advanceHtCents(call), 'TTC_20'),
      closingDate: call.closingDate,
      depositedAt: '2022-11-09T09:30:00.000Z',
      decidedAt: '2022-11-09T09:30:00.000Z',
    },
    documents: {},
    createdAt: '2022-11-09T09:30:00.000Z',
    updatedAt: '2022-11-09T09:30:00.000Z',
    ...overrides,
  };
}

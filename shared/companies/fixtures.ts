import type { CompanyDirectory, CompanyRecord } from './port.ts';

/** The offline directory: the guide's sample establishment and the demo developer operators. */
const COMPANIES: readonly CompanyRecord[] = [
  {
    siret: '47992882200069',
    denominationSociale: 'ASSOCIATION SERVICES MEDIATION',
    address: {
      entreeBatiment: 'CENTRE CIAL LE SAINT PIERRE',
      typeVoie: 'RUE',
      nomVoie: 'DE FIGUERAS',
      codePostal: '13700',
      commune: 'ST VICTORET',
    },
    active: true,
  },
  {
    siret: '39177919600040',
    denominationSociale: 'PROCIVIS IMMOBILIER',
    address: {
      numero: '87',
      typeVoie: 'CHEM',
      nomVoie: 'DE MONS',
      codePostal: '59009',
      commune: 'VILLENEUVE D ASCQ',
    },
    active: true,
  },
  {
    siret: '35600000000048',
    denominationSociale: 'LA POSTE',
    address: {
      numero: '9',
      typeVoie: 'RUE',
      nomVoie: 'DU COLONEL PIERRE AVIA',
      codePostal: '75015',
      commune: 'PARIS',
    },
    active: true,
  },
];

export const fixtureCompanyDirectory: CompanyDirectory = {
  findBySiret: async (siret) => COMPANIES.find((company) => company.siret === siret),
};

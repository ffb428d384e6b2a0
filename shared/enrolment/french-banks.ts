/**
 * Domiciliation of a French IBAN from its 5-digit bank code (code établissement, IBAN characters
 * 5-9). No maintained, offline dataset of French bank codes exists on npm (the packages found
 * either call a paid web service or cover other countries), so this is a small table of the
 * most common establishments, from the Banque de France's public register (REGAFI). An unknown
 * code simply leaves the domiciliation for the applicant to type: it is always editable.
 */
const FRENCH_BANKS: Readonly<Record<string, string>> = {
  '30001': 'BANQUE DE FRANCE',
  '30002': 'LCL - LE CREDIT LYONNAIS',
  '30003': 'SOCIETE GENERALE',
  '30004': 'BNP PARIBAS',
  '30056': 'HSBC CONTINENTAL EUROPE',
  '30066': 'CIC',
  '30076': 'CREDIT DU NORD',
  '30438': 'ING BANK FRANCE',
  '20041': 'LA BANQUE POSTALE',
  '10096': 'CIC LYONNAISE DE BANQUE',
  '10107': 'BRED BANQUE POPULAIRE',
  '10278': 'CREDIT MUTUEL',
  '12548': 'AXA BANQUE',
  '14518': 'FORTUNEO',
  '15589': 'CREDIT MUTUEL DE BRETAGNE',
  '16958': 'QONTO',
  '17515': "CAISSE D'EPARGNE ILE-DE-FRANCE",
  '18206': 'CREDIT AGRICOLE DE PARIS ET D ILE-DE-FRANCE',
  '40618': 'BOURSOBANK',
  '42559': 'CREDIT COOPERATIF',
};

export const frenchBankName = (bankCode: string): string | undefined => FRENCH_BANKS[bankCode];

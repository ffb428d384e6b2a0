/** Territories with their own IBAN country code whose banks are French (same format, FR BICs). */
export const FRENCH_BANK_TERRITORIES: ReadonlySet<string> = new Set([
  'GF',
  'GP',
  'MQ',
  'RE',
  'YT',
  'NC',
  'PF',
  'PM',
  'TF',
  'WF',
  'BL',
  'MF',
  'MC',
]);

export const isFrenchIbanCountry = (countryCode: string) =>
  countryCode === 'FR' || FRENCH_BANK_TERRITORIES.has(countryCode);

/**
 * The guide's step 4 "Taux de TVA" options. Rates in basis points (2000 = 20 %) so money
 * computations stay in integers.
 */
export const VAT_REGIMES = {
  TTC_8_5: { label: 'TTC - 8.5%', rateBasisPoints: 850 },
  TTC_20: { label: 'TTC - 20%', rateBasisPoints: 2000 },
  TTC_0: { label: 'TTC - 0%', rateBasisPoints: 0 },
  HT: { label: 'HT', rateBasisPoints: 0 },
} as const;

export type VatRegime = keyof typeof VAT_REGIMES;
export const VAT_REGIME_CODES = Object.keys(VAT_REGIMES) as VatRegime[];

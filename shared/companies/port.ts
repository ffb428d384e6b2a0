import type { PostalAddress } from '../enrolment/model.ts';

/**
 * The company directory port: a SIRET → the establishment's dénomination sociale and postal
 * address, to prefill step 2. `api`: API Recherche d'entreprises (production); `fixtures`: a
 * small offline directory (local stack, tests, demo).
 */
export interface CompanyRecord {
  siret: string;
  denominationSociale: string;
  address: PostalAddress;
  /** False for a closed establishment (état administratif F). */
  active: boolean;
}

export interface CompanyDirectory {
  /** Undefined when the directory knows no establishment with this SIRET. */
  findBySiret(siret: string): Promise<CompanyRecord | undefined>;
}

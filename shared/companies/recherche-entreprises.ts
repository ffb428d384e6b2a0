import type { PostalAddress } from '../enrolment/model.ts';
import type { CompanyDirectory, CompanyRecord } from './port.ts';

/**
 * API Recherche d'entreprises (DINUM, open, no key): `GET /search?q=<siret>` returns the legal
 * unit with its head office (`siege`) and the establishments matching the query
 * (`matching_etablissements`). The SIRET searched is read from whichever of the two it is.
 */
interface ApiEstablishment {
  siret: string;
  etat_administratif?: string;
  complement_adresse?: string | null;
  numero_voie?: string | null;
  indice_repetition?: string | null;
  type_voie?: string | null;
  libelle_voie?: string | null;
  code_postal?: string | null;
  libelle_commune?: string | null;
  distribution_speciale?: string | null;
}

interface ApiResult {
  siren: string;
  nom_raison_sociale?: string | null;
  nom_complet: string;
  siege?: ApiEstablishment;
  matching_etablissements?: ApiEstablishment[];
}

const text = (value: string | null | undefined) => (value ?? '').trim();

function toAddress(establishment: ApiEstablishment): PostalAddress {
  const address: PostalAddress = {
    typeVoie: text(establishment.type_voie),
    nomVoie: text(establishment.libelle_voie),
    codePostal: text(establishment.code_postal),
    commune: text(establishment.libelle_commune),
  };
  const optional = {
    entreeBatiment: text(establishment.complement_adresse),
    numero: text(establishment.numero_voie),
    extension: text(establishment.indice_repetition),
    complement: text(establishment.distribution_speciale),
  };
  for (const [name, value] of Object.entries(optional)) if (value) Object.assign(address, { [name]: value });
  return address;
}

export class CompanyDirectoryUnavailable extends Error {
  constructor(status: number) {
    super(`Company directory answered ${status}`);
    this.name = 'CompanyDirectoryUnavailable';
  }
}

export function rechercheEntreprisesDirectory(options: {
  baseUrl: string;
  timeoutMs: number;
}): CompanyDirectory {
  return {
    async findBySiret(siret: string): Promise<CompanyRecord | undefined> {
      const url = `${options.baseUrl}/search?q=${encodeURIComponent(siret)}&page=1&per_page=5`;
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) throw new CompanyDirectoryUnavailable(response.status);
      const body = (await response.json()) as { results?: ApiResult[] };
      for (const result of body.results ?? []) {
        const candidates = [result.siege, ...(result.matching_etablissements ?? [])];
        const establishment = candidates.find((candidate) => candidate?.siret === siret);
        if (!establishment) continue;
        return {
          siret,
          denominationSociale: text(result.nom_raison_sociale) || text(result.nom_complet),
          address: toAddress(establishment),
          active: establishment.etat_administratif !== 'F',
        };
      }
      return undefined;
    },
  };
}

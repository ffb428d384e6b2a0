import * as z from 'zod/mini';
import { readEnv } from '../config.ts';
import { InvalidDataError, UnavailableError } from '../errors.ts';
import { fixtureCompanyDirectory } from './fixtures.ts';
import type { CompanyDirectory, CompanyRecord } from './port.ts';
import { CompanyDirectoryUnavailable, rechercheEntreprisesDirectory } from './recherche-entreprises.ts';

/** The company directory chosen by configuration (COMPANY_DIRECTORY=fixtures|api). */
const env = readEnv({
  COMPANY_DIRECTORY: z._default(z.enum(['fixtures', 'api']), 'fixtures'),
  COMPANY_DIRECTORY_URL: z._default(z.string(), 'https://recherche-entreprises.api.gouv.fr'),
});

const companyDirectory: CompanyDirectory =
  env.COMPANY_DIRECTORY === 'api'
    ? rechercheEntreprisesDirectory({ baseUrl: env.COMPANY_DIRECTORY_URL, timeoutMs: 3000 })
    : fixtureCompanyDirectory;

/** The establishment, or a problem naming `body.siret` (unknown, closed) / 503 (directory down). */
export async function findCompanyOrFail(siret: string): Promise<CompanyRecord> {
  let company: CompanyRecord | undefined;
  try {
    company = await companyDirectory.findBySiret(siret);
  } catch (error) {
    if (error instanceof CompanyDirectoryUnavailable || (error as Error).name === 'TimeoutError') {
      throw new UnavailableError(
        'company_directory_unavailable',
        "Le service de recherche d'entreprises est momentanément indisponible. Réessayez dans quelques instants.",
      );
    }
    throw error;
  }
  const message = !company
    ? 'Aucun établissement ne correspond à ce numéro de SIRET.'
    : !company.active
      ? 'Cet établissement est fermé : saisissez le SIRET d’un établissement en activité.'
      : undefined;
  if (message || !company) {
    throw new InvalidDataError('company_not_found', message ?? '', {
      errors: [{ path: 'body.siret', message: message ?? '' }],
    });
  }
  return company;
}

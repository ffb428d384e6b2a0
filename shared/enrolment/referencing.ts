import { InvalidDataError, NotFoundError } from '../errors.ts';
import type { ReferencingRecord, ReferencingStep } from './model.ts';
import { getReferencing } from './referencing-repository.ts';

/** The only couloir this portal funds. */
const MSS_COULOIR = 'MSS';

export const toReferencingStep = (record: ReferencingRecord): ReferencingStep => ({
  number: record.number,
  dsr: {
    couloir: record.couloir,
    label: record.dsrLabel,
    typeLogiciel: record.typeLogiciel,
    vague: record.vague,
  },
  solutionName: record.solutionName,
  developerSiret: record.developerSiret,
  developerName: record.developerName,
});

/** The MSS referenced solution with this number: 404 when unknown, 422 when of another couloir. */
export async function findMssReferencing(number: string, path: string): Promise<ReferencingRecord> {
  const record = await getReferencing(number);
  if (!record) {
    throw new NotFoundError(
      'referencing_not_found',
      'Ce N° unique de référencement (ANS) est inconnu : vérifiez le numéro du certificat de référencement.',
      { errors: [{ path, message: 'N° unique de référencement (ANS) inconnu.' }] },
    );
  }
  if (record.couloir !== MSS_COULOIR) {
    const message = `Ce référencement concerne le couloir « ${record.dsrLabel} » : ce portail est réservé aux opérateurs MSS.`;
    throw new InvalidDataError('referencing_not_mss', message, { errors: [{ path, message }] });
  }
  return record;
}

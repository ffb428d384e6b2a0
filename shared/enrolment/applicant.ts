import type { FieldError } from '../errors.ts';
import type {
  ApplicantStep,
  LookedUpCompany,
  Person,
  PostalAddress,
  TiersDeclarantCapacity,
} from './model.ts';
import { isValidSiret, normaliseSiret, SIRET_CHECKSUM_MESSAGE } from './siret.ts';

/** Step 2 "Demandeur" rules (pure): the answers as typed → the stored step, or the field errors. */
interface PersonInput extends Person {
  emailConfirmation: string;
}

export interface ApplicantInput {
  siret: string;
  denominationSociale: string;
  nomCommercial: string;
  address: PostalAddress;
  isLegalRepresentative: boolean;
  representative: PersonInput;
  depositaire?: PersonInput | undefined;
  tiersDeclarantCapacity?: TiersDeclarantCapacity | undefined;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function person(input: PersonInput, path: string, who: string, errors: FieldError[]): Person {
  if (!sameEmail(input.email, input.emailConfirmation)) {
    errors.push({
      path: `${path}.emailConfirmation`,
      message: `La « Confirmation email du ${who} » ne correspond pas à l'email saisi.`,
    });
  }
  return {
    nom: input.nom.trim(),
    prenom: input.prenom.trim(),
    email: input.email.trim().toLowerCase(),
    telephone: input.telephone.trim(),
  };
}

const trimmedAddress = (address: PostalAddress): PostalAddress =>
  Object.fromEntries(
    Object.entries(address)
      .map(([name, value]) => [name, String(value).trim()])
      .filter(([, value]) => value !== ''),
  ) as unknown as PostalAddress;

export function buildApplicantStep(
  input: ApplicantInput,
  lookedUp: LookedUpCompany | undefined,
): { ok: true; step: ApplicantStep } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const siret = normaliseSiret(input.siret);
  if (!isValidSiret(siret))
    return { ok: false, errors: [{ path: 'body.siret', message: SIRET_CHECKSUM_MESSAGE }] };
  if (lookedUp?.siret !== siret) {
    return {
      ok: false,
      errors: [
        {
          path: 'body.siret',
          message:
            "Recherchez d'abord l'établissement avec ce numéro de SIRET et le captcha (bouton « Rechercher »).",
        },
      ],
    };
  }
  const representative = person(input.representative, 'body.representative', 'représentant', errors);
  const step: ApplicantStep = {
    siret,
    denominationSociale: input.denominationSociale.trim(),
    registeredDenomination: lookedUp.denominationSociale,
    nomCommercial: input.nomCommercial.trim(),
    address: trimmedAddress(input.address),
    isBuyerOperator: false,
    isLegalRepresentative: input.isLegalRepresentative,
    representative,
  };
  if (!input.isLegalRepresentative) {
    if (input.depositaire)
      step.depositaire = person(input.depositaire, 'body.depositaire', 'dépositaire', errors);
    else
      errors.push({
        path: 'body.depositaire',
        message:
          "Les informations du dépositaire sont obligatoires lorsque vous n'êtes pas le représentant légal.",
      });
    if (input.tiersDeclarantCapacity) step.tiersDeclarantCapacity = input.tiersDeclarantCapacity;
    else
      errors.push({
        path: 'body.tiersDeclarantCapacity',
        message: 'Merci de préciser votre qualité en tant que tiers déclarant.',
      });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, step };
}

import * as z from 'zod/mini';
import { addressInput, siret, text } from '#shared/routes/enrolment-schemas.ts';
import { stepRoute } from '#shared/routes/enrolment-steps.ts';
import { labelled } from '#shared/schema-labels.ts';

const personShape = (who: string) => ({
  nom: text(`Nom du ${who}`),
  prenom: text(`Prénom du ${who}`),
  email: z
    .string({ error: `Le champ « Email du ${who} » est obligatoire.` })
    .check(
      z.email({ error: `Le champ « Email du ${who} » doit être une adresse électronique valide.` }),
      z.maxLength(254),
    ),
  emailConfirmation: z.string({ error: `Le champ « Confirmation email du ${who} » est obligatoire.` }),
  telephone: z.string({ error: `Le champ « Téléphone du ${who} » est obligatoire.` }).check(
    z.regex(/^\+?[0-9 .()-]{10,20}$/, {
      error: `Le champ « Téléphone du ${who} » doit être un numéro de téléphone valide.`,
    }),
  ),
});

const personInput = (who: string) =>
  labelled(z.strictObject(personShape(who)), who === 'représentant' ? 'Représentant légal' : 'Dépositaire');

const applicantInput = z.strictObject({
  siret,
  denominationSociale: text('Dénomination sociale', 200),
  nomCommercial: text('Nom commercial', 200),
  address: addressInput,
  isLegalRepresentative: z.boolean({
    error: 'Le champ « Je suis le représentant légal du fournisseur » est obligatoire (Oui ou Non).',
  }),
  representative: personInput('représentant'),
  depositaire: z.optional(personInput('dépositaire')),
  tiersDeclarantCapacity: z.optional(
    z.enum(['CENTRE_DE_GESTION', 'EMPLOYE'], {
      error: 'La « Qualité de tiers déclarant » doit être CENTRE_DE_GESTION ou EMPLOYE.',
    }),
  ),
});

export const saveApplicantStepRoute = stepRoute(
  'saveApplicantStep',
  'applicant',
  'Étape 2 — Demandeur : établissement, adresse, représentant légal ou tiers déclarant',
  applicantInput,
);

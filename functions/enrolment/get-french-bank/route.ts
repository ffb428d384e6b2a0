import * as z from 'zod/mini';
import { tags } from '#shared/routes/enrolment-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

/**
 * "La Domiciliation sera automatiquement renseignée": the bank step's form asks this route as soon
 * as the IBAN's first nine characters are typed. Public, no table: the list of French bank codes
 * is bundled in this Lambda.
 */
export const getFrenchBankRoute = defineRoute({
  id: 'getFrenchBank',
  method: 'GET',
  path: '/v1/banks/{bank}',
  access: 'public',
  summary:
    "Domiciliation d'une banque française, d'après son code établissement ou les 9 premiers caractères de l'IBAN",
  tags,
  request: {
    params: z.strictObject({
      bank: z.string().check(
        z.regex(/^(\d{5}|[A-Za-z]{2}\d{7})$/, {
          error:
            "Indiquez le code établissement (5 chiffres) ou les 9 premiers caractères de l'IBAN (exemple : FR7630006), jamais l'IBAN complet.",
        }),
      ),
    }),
  },
  responses: {
    200: {
      description: 'La banque est connue : sa domiciliation',
      schema: z.object({ bankCode: z.string(), domiciliation: z.string() }),
    },
    ...problemResponses(404, 422),
  },
});

import * as z from 'zod/mini';
import { captchaAnswer } from '#shared/routes/captcha-answer.ts';
import {
  documentsBucket,
  draftHeaders,
  draftProblems,
  table,
  tags,
} from '#shared/routes/enrolment-common.ts';
import { enrolmentIdParams } from '#shared/routes/enrolment-schemas.ts';
import { enrolmentResponse } from '#shared/routes/enrolment-view.ts';
import { defineRoute } from '#shared/routes/types.ts';

const mustAccept = (message: string) => z.literal(true, { error: message });

const submitInput = z.strictObject({
  captcha: captchaAnswer,
  acceptCgu: mustAccept('Vous devez lire et accepter les CGU.'),
  acknowledgeArticle4417: mustAccept(
    "Vous devez déclarer être informé(e) des dispositions de l'article 441-7 du code pénal.",
  ),
  certifySincerity: mustAccept(
    "Vous devez certifier que l'ensemble des éléments saisis sont sincères et véritables.",
  ),
});

export const submitEnrolmentRoute = defineRoute({
  id: 'submitEnrolment',
  method: 'POST',
  path: '/v1/enrolments/{id}/submit',
  access: 'draft',
  summary: 'Étape 5 — Terminer : captcha, CGU, article 441-7, sincérité → numéro de demande ENR…',
  tags,
  request: { params: enrolmentIdParams, body: submitInput, headers: draftHeaders },
  responses: { 200: enrolmentResponse, ...draftProblems },
  permissions: { table, bucket: documentsBucket, workflows: ['enrolmentSubmitted'] },
  adapters: ['captcha'],
});

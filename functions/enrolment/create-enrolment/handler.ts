import { randomUUID } from 'node:crypto';
import * as clock from '#shared/clock.ts';
import { hashDraftToken, newDraftToken } from '#shared/enrolment/draft-token.ts';
import type { Enrolment } from '#shared/enrolment/model.ts';
import { findMssReferencing, toReferencingStep } from '#shared/enrolment/referencing.ts';
import { createEnrolment, draftExpiry } from '#shared/enrolment/repository.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { created, httpHandler } from '#shared/http/handler.ts';
import { logger } from '#shared/logger.ts';
import { createEnrolmentRoute } from './route.ts';

export const handler = httpHandler(createEnrolmentRoute, async ({ body }) => {
  const referencing = await findMssReferencing(body.referencingNumber, 'body.referencingNumber');
  const draftToken = newDraftToken();
  const now = clock.now();
  const enrolment: Enrolment = {
    id: randomUUID(),
    status: 'BROUILLON',
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: draftExpiry(now),
    draftTokenHash: hashDraftToken(draftToken),
    referencing: toReferencingStep(referencing),
    documents: {},
  };
  await createEnrolment(enrolment);
  logger.info('Enrolment draft created', { enrolmentId: enrolment.id });
  return created({ enrolment: enrolmentView(enrolment), draftToken }, `/v1/enrolments/${enrolment.id}`);
});

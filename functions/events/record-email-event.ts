import { recordBusinessEvent } from '#shared/business-events.ts';
import { type DeliveryEvent, readDeliveryEvent } from '#shared/email/delivery-events.ts';
import { recordDelivery } from '#shared/email/record-repository.ts';
import { eventHandler } from '#shared/event-handler.ts';
import { logger } from '#shared/logger.ts';

/**
 * Target of the EventBridge rule on the SES configuration set's events: records delivered,
 * bounced, complained or rejected on the email's record ("Courriels automatiques envoyés").
 * Emails sent without a record (password recovery) and events of an older send are ignored.
 */
export const handler = eventHandler(async (event: unknown): Promise<{ recorded: boolean }> => {
  const delivery: DeliveryEvent | undefined = readDeliveryEvent(event);
  if (!delivery) {
    logger.info('SES event ignored: no recorded email');
    return { recorded: false };
  }
  const { owner, emailId, ...outcome } = delivery;
  const recorded = await recordDelivery(owner, emailId, outcome);
  logger.info('SES event', { ownerKind: owner.kind, status: outcome.status, recorded });
  // Bounced or refused: the recipient never got it (a complaint is a delivered email).
  if (outcome.status === 'BOUNCED' || outcome.status === 'REJECTED') recordBusinessEvent('EmailFailed');
  return { recorded };
});

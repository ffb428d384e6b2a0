import * as z from 'zod/mini';
import { recordOfTags } from './delivery-tags.ts';
import type { DeliveryStatus } from './record-model.ts';

/**
 * SES configuration-set events as EventBridge delivers them (`source: aws.ses`, one
 * `detail-type` per event type). Only what the record needs is read: the message id, the tags
 * naming the record, the event's date; the addresses they also carry are never read nor logged.
 */
const SES_EVENT_TYPES: Record<string, DeliveryStatus> = {
  Delivery: 'DELIVERED',
  Bounce: 'BOUNCED',
  Complaint: 'COMPLAINED',
  Reject: 'REJECTED',
};

/** The EventBridge detail types of those events, for the rule's pattern. */
export const SES_EVENT_DETAIL_TYPES = [
  'Email Delivered',
  'Email Bounced',
  'Email Complaint Received',
  'Email Rejected',
];

const timestamped = z.optional(z.object({ timestamp: z.optional(z.string()) }));
const sesEventSchema = z.object({
  time: z.optional(z.string()),
  detail: z.object({
    eventType: z.string(),
    mail: z.object({
      messageId: z.string(),
      timestamp: z.string(),
      tags: z.optional(z.record(z.string(), z.array(z.string()))),
    }),
    delivery: timestamped,
    complaint: timestamped,
    bounce: z.optional(z.object({ timestamp: z.optional(z.string()), bounceType: z.optional(z.string()) })),
  }),
});

export type DeliveryEvent = NonNullable<ReturnType<typeof readDeliveryEvent>>;

/** The recorded email an SES event is about and what it says, or undefined when it concerns none. */
export function readDeliveryEvent(event: unknown) {
  const parsed = sesEventSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const { detail, time } = parsed.data;
  const status = SES_EVENT_TYPES[detail.eventType];
  const target = recordOfTags(detail.mail.tags ?? {});
  if (!status || !target) return undefined;
  const at =
    detail.delivery?.timestamp ??
    detail.bounce?.timestamp ??
    detail.complaint?.timestamp ??
    time ??
    detail.mail.timestamp;
  return {
    ...target,
    messageId: detail.mail.messageId,
    status,
    at: new Date(at).toISOString(),
    ...(detail.bounce?.bounceType ? { bounceType: detail.bounce.bounceType } : {}),
  };
}

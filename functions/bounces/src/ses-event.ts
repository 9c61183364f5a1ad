import { z } from 'zod';

/**
 * What Amazon SES puts on the default EventBridge bus for a configuration set's bounce and complaint
 * events (detail types "Email Bounced" and "Email Complaint Received"); `detail` is SES's own event
 * record. Only the fields PeoplePlan reads are checked; the rest passes through.
 */
const Mail = z.looseObject({
  messageId: z.string(),
  source: z.string(),
  timestamp: z.string(),
  /** SES adds `ses:configuration-set` (and the caller's message tags) as lists of strings. */
  tags: z.record(z.string(), z.array(z.string())).optional(),
});

const Recipient = z.looseObject({
  emailAddress: z.string().min(3),
  status: z.string().optional(),
  diagnosticCode: z.string().optional(),
});

export const BounceDetail = z.looseObject({
  eventType: z.literal('Bounce'),
  bounce: z.looseObject({
    /** Permanent: the address does not exist or refuses mail for good; Transient: SES gave up retrying. */
    bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
    bounceSubType: z.string().optional(),
    bouncedRecipients: z.array(Recipient).min(1),
    timestamp: z.string(),
  }),
  mail: Mail,
});

export const ComplaintDetail = z.looseObject({
  eventType: z.literal('Complaint'),
  complaint: z.looseObject({
    complainedRecipients: z.array(Recipient.pick({ emailAddress: true })).min(1),
    complaintFeedbackType: z.string().optional(),
    timestamp: z.string(),
  }),
  mail: Mail,
});

export const SesEmailEvent = z.looseObject({
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  detail: z.discriminatedUnion('eventType', [BounceDetail, ComplaintDetail]),
});
export type SesEmailEvent = z.infer<typeof SesEmailEvent>;

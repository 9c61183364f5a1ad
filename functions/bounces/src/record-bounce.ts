import type { Logger } from '@peopleplan/observability';
import type { SesEmailEvent } from './ses-event.js';

export interface UndeliverableAddress {
  address: string;
  kind: 'bounce' | 'complaint';
  /** Never send to it again: a permanent bounce, or a complaint (the person marked our mail as spam). */
  permanent: boolean;
  /** SES's reason (`Permanent/General`, `Transient/MailboxFull`, complaint feedback type). */
  reason: string;
  messageId: string;
  at: string;
}

/** The addresses one SES bounce or complaint event reports, each with whether to stop mailing it. */
export function undeliverableAddresses(event: SesEmailEvent): UndeliverableAddress[] {
  const d = event.detail;
  const base = { messageId: d.mail.messageId };
  if (d.eventType === 'Bounce') {
    const reason = [d.bounce.bounceType, d.bounce.bounceSubType].filter(Boolean).join('/');
    return d.bounce.bouncedRecipients.map((r) => ({
      ...base,
      address: r.emailAddress.toLowerCase(),
      kind: 'bounce',
      permanent: d.bounce.bounceType === 'Permanent',
      reason: r.diagnosticCode ? `${reason}: ${r.diagnosticCode}` : reason,
      at: d.bounce.timestamp,
    }));
  }
  return d.complaint.complainedRecipients.map((r) => ({
    ...base,
    address: r.emailAddress.toLowerCase(),
    kind: 'complaint',
    permanent: true,
    reason: d.complaint.complaintFeedbackType ?? 'complaint',
    at: d.complaint.timestamp,
  }));
}

/**
 * Logs one bounce or complaint, a line per address (CloudWatch Logs, searchable by `address`), and
 * answers the addresses; mark-undeliverable.ts marks the members with the permanent ones. SES's
 * suppression list (on in the configuration set) also stops sends to them.
 */
export function recordBounce(event: SesEmailEvent, logger: Pick<Logger, 'warn'>): UndeliverableAddress[] {
  const addresses = undeliverableAddresses(event);
  for (const a of addresses) {
    logger.warn(a.permanent ? 'email address undeliverable' : 'email delivery failed for now', { ...a });
  }
  return addresses;
}

import type { CouncilAlertsRepo } from '@peopleplan/db';
import { type PartnershipSource, partnerWeeklyDigests } from '@peopleplan/partnerships';
import { getISODay, getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
import type { DigestSink } from './deliver.js';

export interface PartnerDigestResult {
  considered: number;
  sent: number;
  alreadySent: number;
  failed: number;
}

/**
 * Partner readers' weekly "what slipped across the partnership" email, sent on Mondays. The digest
 * reads only consenting councils, as a partner reader would (packages/partnerships, through read-only
 * sessions). Each (partnership, week, reader) is claimed in the lead council's ledger, through that
 * council's session, before sending, so a second run that week sends nothing; a failed send marks its
 * claim failed, which the next run may claim again: nothing is lost.
 */
export async function sendPartnerDigests(opts: {
  source: PartnershipSource;
  /** The lead council's alert records, through its own session. */
  council: (councilId: string) => Promise<CouncilAlertsRepo>;
  today: string;
  webBaseUrl: string;
  sink: DigestSink;
  /** Send whatever the weekday (tests, a manual catch-up run). */
  anyDay?: boolean;
  dryRun?: boolean;
  now?: () => Date;
}): Promise<PartnerDigestResult> {
  const result: PartnerDigestResult = { considered: 0, sent: 0, alreadySent: 0, failed: 0 };
  const day = parseISO(opts.today);
  if (!opts.anyDay && getISODay(day) !== 1) return result;
  const now = opts.now ?? (() => new Date());
  const week = `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
  const emails = await partnerWeeklyDigests(opts.source, { today: opts.today, webBaseUrl: opts.webBaseUrl });
  for (const email of emails) {
    result.considered++;
    if (opts.dryRun) continue;
    const ledger = await opts.council(email.leadCouncilId);
    if (!(await ledger.claimPartnerDigest(email.partnershipId, week, email.to, now()))) {
      result.alreadySent++;
      continue;
    }
    try {
      await opts.sink.deliver({ to: email.to, subject: email.subject, text: email.text, html: email.html });
      await ledger.markPartnerDigest(email.partnershipId, week, email.to, 'sent', now());
      result.sent++;
    } catch {
      await ledger.markPartnerDigest(email.partnershipId, week, email.to, 'failed', now());
      result.failed++;
    }
  }
  return result;
}

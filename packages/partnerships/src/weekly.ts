import { buildSlippageDigest } from './digest.js';
import { loadSharedCouncils, type PartnershipSource } from './load.js';
import { combinedMilestones } from './milestones.js';

/** One rendered email: the shape the alert job's DigestSink delivers. */
export interface PartnerDigestEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  partnershipId: string;
  /** Whose ledger records the send (every council partition is one the alert job may write). */
  leadCouncilId: string;
}

/** The job reads as this actor; it sees exactly what a partner reader would (consenting councils only). */
const DIGEST_READER = { sub: 'system:partner-digest', name: 'Partnership weekly digest' };

/**
 * The weekly "what slipped" emails for every partnership with at least one reader who wants it: each
 * partnership's consenting councils are read as a partner reader would read them (consent checked now),
 * and no email goes out for a partnership where nothing slipped. Sending is the caller's (the alert job).
 */
export async function partnerWeeklyDigests(
  src: PartnershipSource,
  opts: { today: string; webBaseUrl: string; partnershipIds?: string[] | undefined },
): Promise<PartnerDigestEmail[]> {
  const { directory } = src;
  const out: PartnerDigestEmail[] = [];
  for (const id of opts.partnershipIds ?? (await directory.ids())) {
    const readers = (await directory.readers(id)).filter((r) => r.weeklyDigest);
    if (!readers.length) continue;
    const partnership = await directory.get(id);
    if (!partnership) continue;
    const councils = await loadSharedCouncils(src, partnership, DIGEST_READER);
    const digest = buildSlippageDigest({
      partnership,
      items: combinedMilestones(councils, opts.today),
      today: opts.today,
      link: `${opts.webBaseUrl.replace(/\/+$/, '')}/partnerships/${encodeURIComponent(id)}/milestones`,
    });
    if (!digest) continue;
    for (const r of readers) {
      out.push({
        to: r.email,
        subject: digest.subject,
        text: digest.text,
        html: digest.html,
        partnershipId: id,
        leadCouncilId: partnership.leadCouncilId,
      });
    }
  }
  return out;
}

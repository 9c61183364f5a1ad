import {
  type DocFor,
  DueIndexRepo,
  jobCouncils,
  PartnershipsRepo,
  partnerReaders,
  SecretLinksRepo,
} from '@peopleplan/db';
import type { PartnershipSource } from '@peopleplan/partnerships';
import { alertsCouncil } from './history.js';
import { type AlertJobOptions, type AlertJobResult, runAlertJob } from './job.js';
import { type PartnerDigestResult, sendPartnerDigests } from './partner-digests.js';

/** The job's own actor in every council's audit trail and session name. */
export const ALERT_JOB_ACTOR = { sub: 'system:alerts', name: 'PeoplePlan alerts' };

export interface AlertRunWiring {
  tableName: string;
  /**
   * The job's own client: the cross-council due index, the partnership directory and the lookups of the
   * preferences links it puts in emails (`S#…`).
   */
  own: ConstructorParameters<typeof DueIndexRepo>[0];
  /** Each council's client: in AWS a tenant-role session (read-write) or partner-reader session (read). */
  docFor: DocFor;
}

export type AlertRunOptions = Omit<AlertJobOptions, 'dueIndex' | 'council'> & {
  /** Also send partner readers' weekly digests (Mondays). */
  partnerDigests?: boolean;
};

/**
 * What the job reads with: the cross-council due index through its own client, and each council through
 * that council's own session, with the preferences links' lookups written by its own client.
 */
export function alertJobSources(wiring: AlertRunWiring): Pick<AlertJobOptions, 'dueIndex' | 'council'> {
  const councils = jobCouncils(wiring.docFor, wiring.tableName, ALERT_JOB_ACTOR);
  const links = new SecretLinksRepo(wiring.own, wiring.tableName);
  return {
    dueIndex: new DueIndexRepo(wiring.own, wiring.tableName),
    council: async (id: string) => alertsCouncil(await councils(id)).withSecretLinks(links),
  };
}

/**
 * One run of the alert job as every entry point runs it (the Lambda, `npm run alerts`, the local
 * stack's schedule): council alerts, then, on the daily run, partner readers' weekly digests. Each
 * council is reached only through its own session.
 */
export async function runAlerts(
  wiring: AlertRunWiring,
  opts: AlertRunOptions,
): Promise<{ job: AlertJobResult; partner?: PartnerDigestResult }> {
  const sources = alertJobSources(wiring);
  const job = await runAlertJob({ ...opts, ...sources });
  if (!opts.partnerDigests || opts.outboxOnly || !opts.sink) return { job };
  const source: PartnershipSource = {
    directory: new PartnershipsRepo(wiring.own, wiring.tableName),
    readerFor: partnerReaders(wiring.docFor, wiring.tableName),
  };
  const partner = await sendPartnerDigests({
    source,
    council: sources.council,
    today: opts.today,
    webBaseUrl: opts.webBaseUrl,
    sink: opts.sink,
    ...(opts.dryRun ? { dryRun: true } : {}),
  });
  return { job, partner };
}

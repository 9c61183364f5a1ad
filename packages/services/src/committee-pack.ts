import type { IsoDate } from '@peopleplan/core';
import type { CouncilData } from '@peopleplan/db';
import { CONTENT_TYPES, slugify } from '@peopleplan/reports';
import { periodReport } from './report-document.js';
import { periodOf } from './reporting.js';

export interface CommitteePack {
  body: Buffer;
  contentType: string;
  filename: string;
  /** Each plan's report as its own report would be: all frozen, all live, or some of each. */
  source: 'frozen' | 'live' | 'mixed';
}

/**
 * The council's committee pack for a period: every active plan's report (frozen where the plan's period
 * is closed, else built now and saying "as at"), titles in order, in one Word document. Loaded with
 * the first pack asked for, with the Word writer.
 */
export async function committeePack(data: CouncilData, spec: string, today: IsoDate): Promise<CommitteePack> {
  const council = await data.council.get();
  const label = periodOf(spec, today, council).label;
  const plans = (await data.plans.listAll())
    .filter((x) => x.status === 'active')
    .sort((a, b) => a.title.localeCompare(b.title));
  const built = [];
  for (const plan of plans) built.push(await periodReport(data, plan.id, spec, today));
  const { renderCommitteePackDocx } = await import('@peopleplan/reports/docx');
  const body = await renderCommitteePackDocx(
    { councilName: council.name, periodLabel: label, asAt: built.find((b) => b.asAt)?.asAt },
    built.map((b) => b.model),
  );
  const sources = new Set(built.map((b) => b.source));
  return {
    body,
    contentType: CONTENT_TYPES.docx,
    filename: `${slugify(`${council.name} committee pack ${label}`)}.docx`,
    source: sources.size > 1 ? 'mixed' : (built[0]?.source ?? 'live'),
  };
}

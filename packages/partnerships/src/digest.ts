import { oneLine } from '@peopleplan/core';
import { escapeToBuffer } from 'hono/utils/html';
import { daysBefore, longDate } from './dates.js';
import type { CombinedMilestone } from './milestones.js';

/** HTML-escaped text (hono's escaper, already in every function that sends or serves HTML). */
function encode(text: string): string {
  const out: [string] = [''];
  escapeToBuffer(text, out);
  return out[0];
}

export interface SlippageDigestInput {
  partnership: { id: string; name: string };
  /** The combined overdue and slipping list (`combinedMilestones`), for the consenting councils only. */
  items: readonly CombinedMilestone[];
  today: string;
  /** Start of the digest's week; defaults to seven days before `today`. */
  since?: string | undefined;
  /** Link to the partnership's milestone view, when the web app's address is known. */
  link?: string | undefined;
}

export interface Digest {
  subject: string;
  text: string;
  html: string;
  /** Milestones in the digest (newly overdue or moved later this week). */
  count: number;
}

type Reason = 'newly overdue' | 'moved later';

interface Entry {
  item: CombinedMilestone;
  reasons: Reason[];
}

/** What slipped this week: milestones that fell due unmet, or whose due date was moved later. */
function entriesOf(items: readonly CombinedMilestone[], since: string, today: string): Entry[] {
  const out: Entry[] = [];
  for (const item of items) {
    const reasons: Reason[] = [];
    const due = item.due?.due;
    if (item.overdue && due && due >= since && due < today) reasons.push('newly overdue');
    if (item.slipping && item.changedAt.slice(0, 10) >= since) reasons.push('moved later');
    if (reasons.length) out.push({ item, reasons });
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describe(e: Entry): { what: string; due: string; why: string; leads: string } {
  const { item } = e;
  const why = e.reasons
    .map((r) =>
      r === 'moved later' && item.baselineDue
        ? `moved later (first due ${item.baselineDue.text})`
        : r === 'newly overdue' && item.daysLate !== undefined
          ? `overdue by ${plural(item.daysLate, 'day')}`
          : r,
    )
    .join('; ');
  return {
    what:
      item.kind === 'action'
        ? `${item.planTitle} – action ${item.ref}: ${item.title}`
        : `${item.planTitle} – action ${item.actionRef}, milestone ${item.ref}: ${item.title}`,
    due: item.due?.text ?? 'no date',
    why,
    leads: item.leads.join(', ') || 'no lead named',
  };
}

/**
 * The weekly digest for a partner reader: what slipped across the partnership since `since`, grouped by
 * council. Returns undefined when nothing slipped, so no empty email is sent. Status is written in words
 * (never colour alone); every piece of plan text is escaped in the HTML.
 */
export function buildSlippageDigest(input: SlippageDigestInput): Digest | undefined {
  const since = input.since ?? daysBefore(input.today, 7);
  const entries = entriesOf(input.items, since, input.today);
  if (!entries.length) return undefined;
  const stillOverdue = input.items.filter((i) => i.overdue).length;
  const byCouncil = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = byCouncil.get(e.item.councilName);
    if (list) list.push(e);
    else byCouncil.set(e.item.councilName, [e]);
  }
  const councils = [...byCouncil.entries()].sort(([a], [b]) => a.localeCompare(b, 'en'));
  const name = input.partnership.name;
  const period = `${longDate(since)} to ${longDate(input.today)}`;
  const subject = `${name}: ${plural(entries.length, 'milestone')} slipped this week`;
  const intro = `${plural(entries.length, 'milestone')} across ${plural(councils.length, 'council')} slipped between ${period}. ${plural(stillOverdue, 'milestone is', 'milestones are')} overdue in all.`;

  // People's text on its own line: a title over several lines must not add lines of its own.
  const text = [
    oneLine(subject),
    '',
    oneLine(intro),
    ...councils.flatMap(([council, list]) => [
      '',
      oneLine(council),
      '-'.repeat(oneLine(council).length),
      ...list.map((e) => {
        const d = describe(e);
        return `- ${oneLine(d.what)}\n  Due: ${oneLine(d.due)}. ${oneLine(d.why)}. Lead: ${oneLine(d.leads)}.`;
      }),
    ]),
    '',
    ...(input.link ? [`See every overdue or re-baselined action and milestone: ${input.link}`, ''] : []),
    'You receive this weekly digest as a partner reader of this partnership. Change it in your alert settings.',
  ].join('\n');

  const row = (e: Entry) => {
    const d = describe(e);
    return `<tr><td>${encode(d.what)}</td><td>${encode(d.due)}</td><td>${encode(d.why)}</td><td>${encode(d.leads)}</td></tr>`;
  };
  const html = [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">',
    `<title>${encode(subject)}</title></head><body style="font-family: Arial, sans-serif; color: #0b0c0c">`,
    `<h1 style="font-size: 24px">${encode(subject)}</h1>`,
    `<p>${encode(intro)}</p>`,
    ...councils.map(
      ([council, list]) =>
        `<h2 style="font-size: 19px">${encode(council)}</h2>` +
        '<table style="border-collapse: collapse" cellpadding="6" border="1">' +
        `<caption style="text-align: left">${encode(`Milestones that slipped at ${council}`)}</caption>` +
        '<thead><tr><th scope="col">Milestone</th><th scope="col">Due</th><th scope="col">What changed</th><th scope="col">Lead</th></tr></thead>' +
        `<tbody>${list.map(row).join('')}</tbody></table>`,
    ),
    ...(input.link
      ? [`<p><a href="${encode(input.link)}">See every overdue or re-baselined action and milestone</a></p>`]
      : []),
    '<p style="color: #505a5f">You receive this weekly digest as a partner reader of this partnership. Change it in your alert settings.</p>',
    '</body></html>',
  ].join('\n');

  return { subject, text, html, count: entries.length };
}

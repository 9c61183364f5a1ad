import { latenessWords, oneLine, STATUS_LABELS } from '@peopleplan/core';
import { html } from 'hono/html';
import { longDate } from './dates.js';
import type { AlertLine, Digest } from './model.js';
import { STAGES, type Stage } from './stages.js';
import { movedLines, plural, shownStage, stageCounts, stageLabel, whyYou } from './wording.js';

export interface RenderOptions {
  webBaseUrl: string;
  /** Per council: where this recipient changes their alert preferences (a no-sign-in link when known). */
  preferencesUrl: (councilId: string, line: AlertLine) => string;
  /** More lines than this are summarised, so an email stays readable (and under SQS's 256 KB). */
  maxLines?: number;
}

export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const base = (u: string) => u.replace(/\/+$/, '');
export const actionUrl = (webBaseUrl: string, l: Pick<AlertLine, 'councilId' | 'actionId'>) =>
  `${base(webBaseUrl)}/councils/${encodeURIComponent(l.councilId)}/actions/${encodeURIComponent(l.actionId)}`;

/** "12 days late", "5 weeks late", "due today", "due in 3 days": as the dashboard and reports say it (core). */
export function lateness(l: AlertLine): string {
  if (l.stage === 'stale') return l.note ?? 'no recent update';
  if (l.daysLate === undefined) return '';
  return latenessWords(l.daysLate);
}

const itemLabel = (l: AlertLine) =>
  l.itemType === 'milestone'
    ? `Milestone ${l.ref ? `${l.ref} ` : ''}of action ${l.actionRef || '(no ref)'}`
    : `Action ${l.actionRef || '(no ref)'}`;
const dueWritten = (l: AlertLine) => l.due?.text || '(no deadline written)';
const dueParsed = (l: AlertLine) =>
  `${l.due?.due ? longDate(l.due.due) : 'no date'}${l.movedFrom ? `; moved from ${longDate(l.movedFrom)}` : ''}`;

interface PlanGroup {
  councilId: string;
  councilName: string;
  planTitle: string;
  lines: AlertLine[];
}

function groupByPlan(lines: AlertLine[]): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  for (const l of lines) {
    const k = `${l.councilId}|${l.planId}`;
    if (!groups.has(k))
      groups.set(k, {
        councilId: l.councilId,
        councilName: l.councilName,
        planTitle: l.planTitle,
        lines: [],
      });
    groups.get(k)!.lines.push(l);
  }
  const order = (s: Stage) => STAGES.length - STAGES.indexOf(s);
  for (const g of groups.values())
    g.lines.sort(
      (a, b) => order(shownStage(b)) - order(shownStage(a)) || (b.daysLate ?? 0) - (a.daysLate ?? 0),
    );
  return [...groups.values()].sort(
    (a, b) => a.councilName.localeCompare(b.councilName) || a.planTitle.localeCompare(b.planTitle),
  );
}

export function subjectFor(lines: AlertLine[]): string {
  const councils = [...new Set(lines.map((l) => l.councilName))].join(', ');
  return `PeoplePlan alerts for ${councils}: ${stageCounts(lines)}`;
}

/** One digest as plain text and accessible HTML. All user text goes through `html`, which escapes it. */
export function renderDigest(d: Digest, opts: RenderOptions): RenderedEmail {
  const max = opts.maxLines ?? 200;
  const shown = d.lines.slice(0, max);
  const hidden = d.lines.length - shown.length;
  const groups = groupByPlan(shown);
  const councils = [...new Map(d.lines.map((l) => [l.councilId, l])).values()];
  const prefs = councils.map((l) => ({ name: l.councilName, url: opts.preferencesUrl(l.councilId, l) }));

  // People's text (titles, names, refs, reasons) each on its own line: a title written over several
  // lines must not add lines of its own ("Open: <another site>") to the message.
  const t = oneLine;
  const text = [
    `Hello ${t(d.name)},`,
    '',
    `${plural(d.lines.length, 'item')} in PeoplePlan need${d.lines.length === 1 ? 's' : ''} your attention.`,
    ...groups.flatMap((g) => [
      '',
      `== ${t(g.planTitle)} (${t(g.councilName)}) ==`,
      ...g.lines.flatMap((l) => [
        '',
        `* ${stageLabel(l)}: ${t(itemLabel(l))} – ${t(l.title)}`,
        `  Due: "${t(dueWritten(l))}" (read as ${dueParsed(l)})${lateness(l) ? ` – ${t(lateness(l))}` : ''}`,
        ...(l.moved ? movedLines(l.moved).map((m) => `  ${t(m)}`) : []),
        `  Status: ${STATUS_LABELS[l.status]}`,
        ...(l.note && l.stage !== 'stale' ? [`  ${t(l.note)}`] : []),
        `  Open: ${actionUrl(opts.webBaseUrl, l)}`,
      ]),
    ]),
    ...(hidden > 0 ? ['', `…and ${plural(hidden, 'more item')}: see the dashboard in PeoplePlan.`] : []),
    '',
    '--',
    whyYou(d.lines),
    ...prefs.map(
      (p) => `Change how often you get them, or stop "due soon" reminders (${t(p.name)}): ${p.url}`,
    ),
    '',
  ].join('\n');

  const body = html`<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>${subjectFor(d.lines)}</title>
  </head>
  <body style="font-family: Arial, sans-serif; color: #0b0c0c; line-height: 1.4">
    <p>Hello ${d.name},</p>
    <p>${plural(d.lines.length, 'item')} in PeoplePlan need${d.lines.length === 1 ? 's' : ''} your attention.</p>
    ${groups.map(
      (g) => html`<h2>${g.planTitle} <span style="font-weight: normal">(${g.councilName})</span></h2>
        <table style="border-collapse: collapse; width: 100%">
          <caption style="text-align: left; font-weight: bold">Items in ${g.planTitle}</caption>
          <thead>
            <tr>
              <th scope="col" style="text-align: left; border-bottom: 2px solid #0b0c0c; padding: 4px">Alert</th>
              <th scope="col" style="text-align: left; border-bottom: 2px solid #0b0c0c; padding: 4px">Item</th>
              <th scope="col" style="text-align: left; border-bottom: 2px solid #0b0c0c; padding: 4px">Due (as written)</th>
              <th scope="col" style="text-align: left; border-bottom: 2px solid #0b0c0c; padding: 4px">Due (read as)</th>
              <th scope="col" style="text-align: left; border-bottom: 2px solid #0b0c0c; padding: 4px">Timing</th>
              <th scope="col" style="text-align: left; border-bottom: 2px solid #0b0c0c; padding: 4px">Status</th>
            </tr>
          </thead>
          <tbody>
            ${g.lines.map(
              (l) => html`<tr>
                <td style="border-bottom: 1px solid #b1b4b6; padding: 4px"><strong>${stageLabel(l)}</strong></td>
                <td style="border-bottom: 1px solid #b1b4b6; padding: 4px">
                  ${itemLabel(l)}:
                  <a href="${actionUrl(opts.webBaseUrl, l)}" style="color: #1d70b8">${l.title}</a>
                  ${l.moved ? movedLines(l.moved).map((m) => html`<br />${m}`) : ''}
                  ${l.note && l.stage !== 'stale' ? html`<br /><strong>${l.note}</strong>` : ''}
                </td>
                <td style="border-bottom: 1px solid #b1b4b6; padding: 4px">${dueWritten(l)}</td>
                <td style="border-bottom: 1px solid #b1b4b6; padding: 4px">${dueParsed(l)}</td>
                <td style="border-bottom: 1px solid #b1b4b6; padding: 4px">${lateness(l)}</td>
                <td style="border-bottom: 1px solid #b1b4b6; padding: 4px">${STATUS_LABELS[l.status]}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
    )}
    ${hidden > 0 ? html`<p>…and ${plural(hidden, 'more item')}: see the dashboard in PeoplePlan.</p>` : ''}
    <hr />
    <p>${whyYou(d.lines)}</p>
    ${prefs.map(
      (p) =>
        html`<p><a href="${p.url}" style="color: #1d70b8">Change how often you get alert emails from ${p.name}, or stop “due soon” reminders</a></p>`,
    )}
  </body>
</html>`;
  return { to: d.to, subject: subjectFor(d.lines), text, html: body.toString() };
}

import { headed } from '../format.js';
import { itemTitle, leadsCell, type ReportModel, type ThemeSection, travelText } from '../model.js';
import { esc, multiline } from './escape.js';
import { latest, refCell, status, table, textCols } from './table.js';

/** Exceptions first: what the committee needs to discuss. */
export function exceptionsSection(model: ReportModel): string[] {
  const open = '<section aria-labelledby="exceptions"><h2 id="exceptions">Exceptions</h2>';
  if (model.exceptions.length === 0) return [open, '<p>No exceptions this period.</p>', '</section>'];
  const cols = textCols(
    'Ref',
    'Item',
    model.plan.labels.theme,
    'Exception',
    'Lead',
    'Status',
    'Latest update',
  );
  const rows = model.exceptions.map(({ item: i, themeHeading, reasonText, latestNote }) => [
    esc(i.kind === 'milestone' ? `${i.ref} (${i.actionRef})` : i.ref),
    esc(i.kind === 'milestone' ? `Milestone: ${itemTitle(i)}` : itemTitle(i)),
    esc(themeHeading),
    esc(reasonText),
    esc(leadsCell(i)),
    status(i),
    latestNote ? esc(latestNote) : latest(i),
  ]);
  const captionText = `Exceptions: ${model.exceptions.length} items off track, overdue, re-baselined or not updated`;
  return [open, table(captionText, cols, rows), '</section>'];
}

function actionsTable(t: ThemeSection, hasForecast: boolean): string {
  const cols = textCols(
    'Ref',
    'Action',
    'Lead',
    'Due',
    'Status',
    'Since last report',
    'Latest progress',
    ...(hasForecast ? ['Year-end forecast'] : []),
  );
  const rows = t.actions.map((a) => [
    refCell(a),
    esc(itemTitle(a)),
    esc(leadsCell(a)),
    esc(a.due?.display ?? ''),
    status(a),
    esc(travelText(a)),
    latest(a),
    ...(hasForecast ? [a.forecast ? esc(`${a.forecast.label}: ${a.forecast.reason}`) : ''] : []),
  ]);
  return table(headed(t.heading, 'actions'), cols, rows);
}

function milestonesTable(t: ThemeSection): string {
  const cols = textCols('Ref', 'Milestone', 'Actions', 'Due', 'Baseline due', 'Status');
  const rows = t.milestones.map((m) => [
    esc(m.ref),
    esc(itemTitle(m)),
    esc(m.actionRefs.join(', ')),
    esc(m.due?.display ?? ''),
    esc(m.baselineDue?.display ?? ''),
    status(m),
  ]);
  return table(headed(t.heading, 'milestones'), cols, rows);
}

/** Progress by theme. Each theme starts a new printed page; the first shares its page with this heading. */
export function progressSection(model: ReportModel): string[] {
  const out = [`<h2 id="progress">Progress by ${esc(model.plan.labels.themes)}</h2>`];
  model.themes.forEach((t, n) => {
    const id = `theme-${n + 1}`;
    out.push(`<section class="theme" aria-labelledby="${id}"><h3 id="${id}">${esc(t.heading)}</h3>`);
    if (t.description) out.push(`<p>${multiline(t.description)}</p>`);
    if (t.actions.length) out.push(actionsTable(t, model.hasForecast));
    if (t.milestones.length) out.push(milestonesTable(t));
    out.push('</section>');
  });
  return out;
}

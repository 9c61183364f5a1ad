import { formatDate } from './format.js';
import { type ActionRow, type ReportModel, TRAVEL_LABELS } from './model.js';

/**
 * Accessible, printable HTML: one `<h1>`, sections under `<h2>`/`<h3>`, data tables with `<caption>`
 * and scoped header cells, status in words beside its colour, and an inline print stylesheet (A4,
 * each theme on a new page, table headers repeated). Every piece of user text goes through `esc`.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** Escaped text with its line breaks kept. */
const multiline = (s: string) => esc(s).replace(/\r?\n/g, '<br>');

const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c;margin:0;padding:1.5rem;max-width:80rem}
h1{font-size:2rem;margin:0 0 1rem}h2{font-size:1.5rem;margin:2rem 0 .75rem}h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}
caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid #b1b4b6;padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f2f1}
td.num{text-align:right}
.rag{display:inline-block;padding:0 .4rem;border:1px solid #0b0c0c;font-weight:bold;white-space:nowrap}
.rag-red{background:#f4c7c3}.rag-amber{background:#fce8b2}.rag-green{background:#b7e1cd}.rag-blue{background:#c9daf8}.rag-grey{background:#e0e0e0}
.sub{padding-left:1.5rem}
.narrative{white-space:normal}
.muted{color:#505a5f}
@page{size:A4 landscape;margin:15mm}
@media print{
  body{padding:0;font-size:10pt;max-width:none}
  #progress,section.theme+section.theme{break-before:page}
  .rag{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
}`;

interface Col {
  header: string;
  num?: boolean;
}

/** `cells` are already-escaped HTML. The first cell of each row is its row header. */
function table(captionText: string, cols: Col[], rows: string[][]): string {
  const head = cols.map((c) => `<th scope="col">${esc(c.header)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r
          .map((cell, i) =>
            i === 0
              ? `<th scope="row">${cell}</th>`
              : `<td${cols[i]?.num ? ' class="num"' : ''}>${cell}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${esc(captionText)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const status = (s: { text: string; rag: string }) => `<span class="rag rag-${s.rag}">${esc(s.text)}</span>`;
const latest = (a: { latest?: { date: string; narrative: string; authorName: string } }) =>
  a.latest
    ? `<span class="muted">${esc(formatDate(a.latest.date))}, ${esc(a.latest.authorName)}:</span><br><span class="narrative">${multiline(a.latest.narrative)}</span>`
    : '<span class="muted">No update</span>';
const refCell = (a: ActionRow) => (a.depth > 0 ? `<span class="sub">${esc(a.ref)}</span>` : esc(a.ref));

export function renderHtml(model: ReportModel): string {
  const { summary, period, plan } = model;
  const out: string[] = [];
  const meta: [string, string][] = [
    ['Council', model.council.name],
    ['Plan', `${plan.title}${plan.periodLabel ? ` (${plan.periodLabel})` : ''}: ${plan.labels.kind}`],
    ...(plan.directorate ? ([['Directorate', plan.directorate]] as [string, string][]) : []),
    ...(plan.division ? ([['Division', plan.division]] as [string, string][]) : []),
    ['Reporting period', `${period.label}, ${formatDate(period.start)} to ${formatDate(period.end)}`],
    ['Position as at', formatDate(model.asOf)],
    ['Report produced', formatDate(model.generatedOn)],
  ];
  out.push(`<h1>${esc(model.title)}</h1>`);
  out.push(`<dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`);

  const ex = summary.exceptions;
  out.push('<section aria-labelledby="summary"><h2 id="summary">Summary</h2>');
  out.push(
    `<p>${summary.totalActions} actions and ${summary.milestones.total} milestones. ${ex.total} exception${ex.total === 1 ? '' : 's'}: ` +
      `${ex['off-track']} off track, ${ex.overdue} overdue, ${ex['re-baselined']} re-baselined, ${ex.stale} without an update this period.</p>`,
  );
  out.push(
    table(
      'Actions by status',
      [{ header: 'Status' }, { header: 'Actions', num: true }],
      summary.byStatus.filter((s) => s.count > 0).map((s) => [esc(s.label), String(s.count)]),
    ),
  );
  out.push(
    table(
      `Direction of travel since ${model.comparedWith ?? 'the last report'}`,
      [{ header: 'Direction' }, { header: 'Actions', num: true }],
      (['improved', 'same', 'worse', 'new'] as const).map((k) => [
        esc(TRAVEL_LABELS[k]),
        String(summary.travel[k]),
      ]),
    ),
  );
  const shown = summary.byStatus.filter((s) => s.count > 0);
  out.push(
    table(
      `Actions by ${plan.labels.themes}`,
      [
        { header: plan.labels.theme },
        { header: 'Actions', num: true },
        ...shown.map((s) => ({ header: s.label, num: true })),
        { header: 'Exceptions', num: true },
      ],
      summary.byTheme.map((t) => [
        esc(t.heading),
        String(t.total),
        ...shown.map((s) => String(t.byStatus[s.key])),
        String(t.exceptions),
      ]),
    ),
  );
  out.push('</section>');

  out.push('<section aria-labelledby="exceptions"><h2 id="exceptions">Exceptions</h2>');
  if (model.exceptions.length === 0) out.push('<p>No exceptions this period.</p>');
  else
    out.push(
      table(
        `Exceptions: ${model.exceptions.length} items off track, overdue, re-baselined or not updated`,
        [
          { header: 'Ref' },
          { header: 'Item' },
          { header: plan.labels.theme },
          { header: 'Exception' },
          { header: 'Lead' },
          { header: 'Status' },
          { header: 'Latest update' },
        ],
        model.exceptions.map((e) => {
          const i = e.item;
          return [
            esc(i.kind === 'milestone' ? `${i.ref} (${i.actionRef})` : i.ref),
            esc(i.kind === 'milestone' ? `Milestone: ${i.title}` : i.title),
            esc(e.themeHeading),
            esc(e.reasonText),
            esc(i.leadsText),
            status(i),
            latest(i),
          ];
        }),
      ),
    );
  out.push('</section>');

  // Each theme starts a new printed page; the first one shares its page with this heading.
  out.push(`<h2 id="progress">Progress by ${esc(plan.labels.themes)}</h2>`);
  model.themes.forEach((t, n) => {
    const id = `theme-${n + 1}`;
    out.push(`<section class="theme" aria-labelledby="${id}"><h3 id="${id}">${esc(t.heading)}</h3>`);
    if (t.description) out.push(`<p>${multiline(t.description)}</p>`);
    if (t.actions.length)
      out.push(
        table(
          `${t.heading}: actions`,
          [
            { header: 'Ref' },
            { header: 'Action' },
            { header: 'Lead' },
            { header: 'Due' },
            { header: 'Status' },
            { header: 'Since last report' },
            { header: 'Latest progress' },
            ...(model.hasForecast ? [{ header: 'Year-end forecast' }] : []),
          ],
          t.actions.map((a) => [
            refCell(a),
            esc(a.title),
            esc(a.leadsText),
            esc(a.due?.display ?? ''),
            status(a),
            esc(a.previous ? `${TRAVEL_LABELS[a.travel]} (was ${a.previous.rag})` : TRAVEL_LABELS[a.travel]),
            latest(a),
            ...(model.hasForecast
              ? [a.forecast ? esc(`${a.forecast.label}: ${a.forecast.reason}`) : '']
              : []),
          ]),
        ),
      );
    if (t.milestones.length)
      out.push(
        table(
          `${t.heading}: milestones`,
          [
            { header: 'Ref' },
            { header: 'Milestone' },
            { header: 'Actions' },
            { header: 'Due' },
            { header: 'Baseline due' },
            { header: 'Status' },
          ],
          t.milestones.map((m) => [
            esc(m.ref),
            esc(m.title),
            esc(m.actionRefs.join(', ')),
            esc(m.due?.display ?? ''),
            esc(m.baselineDue?.display ?? ''),
            status(m),
          ]),
        ),
      );
    out.push('</section>');
  });

  if (model.indicators.length) {
    out.push('<section aria-labelledby="indicators"><h2 id="indicators">Performance indicators</h2>');
    out.push(
      table(
        `Performance indicators: ${period.label}`,
        [
          { header: 'Indicator' },
          { header: 'Period' },
          { header: 'Target', num: true },
          { header: 'Actual', num: true },
          { header: 'Floor standard', num: true },
          { header: 'Assessment' },
        ],
        model.indicators.map((i) => [
          esc(`${i.ref ? `${i.ref} ` : ''}${i.name}`),
          esc(i.periodKey ?? ''),
          esc(i.targetText),
          esc(i.actualText),
          esc(i.floorText),
          `${status({ text: i.ragWord, rag: i.rag })} ${esc(i.assessment)}`,
        ]),
      ),
    );
    out.push('</section>');
  }

  if (model.risks.length) {
    out.push('<section aria-labelledby="risks"><h2 id="risks">Risks</h2>');
    out.push(
      table(
        'Risks and mitigation',
        [
          { header: 'Risk' },
          { header: 'Likelihood' },
          { header: 'Impact' },
          { header: 'Mitigation' },
          { header: 'Owner' },
        ],
        model.risks.map((r) => [
          esc(`${r.ref ? `${r.ref} ` : ''}${r.description}`),
          esc(r.likelihood ?? ''),
          esc(r.impact ?? ''),
          multiline(r.mitigation ?? ''),
          esc(r.ownerLabel ?? ''),
        ]),
      ),
    );
    out.push('</section>');
  }

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${out.join('\n')}
</main>
</body>
</html>
`;
}

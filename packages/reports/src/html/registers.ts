import type { ReportModel } from '../model.js';
import { esc, multiline } from './escape.js';
import { status, table, textCols } from './table.js';

/** Performance indicators and risks: each section appears only when the plan has any. */

export function indicatorsSection(model: ReportModel): string[] {
  if (!model.indicators.length) return [];
  const cols = [
    { header: 'Indicator' },
    { header: 'Period' },
    { header: 'Target', num: true },
    { header: 'Actual', num: true },
    { header: 'Floor standard', num: true },
    { header: 'Assessment' },
  ];
  const rows = model.indicators.map((i) => [
    esc(`${i.ref ? `${i.ref} ` : ''}${i.name}`),
    esc(i.periodKey ?? ''),
    esc(i.targetText),
    esc(i.actualText),
    esc(i.floorText),
    `${status({ text: i.ragWord, rag: i.rag })} ${esc(i.assessment)}`,
  ]);
  return [
    '<section aria-labelledby="indicators"><h2 id="indicators">Performance indicators</h2>',
    table(`Performance indicators: ${model.period.label}`, cols, rows),
    '</section>',
  ];
}

export function risksSection(model: ReportModel): string[] {
  if (!model.risks.length) return [];
  const rows = model.risks.map((r) => [
    esc(`${r.ref ? `${r.ref} ` : ''}${r.description}`),
    esc(r.likelihood ?? ''),
    esc(r.impact ?? ''),
    multiline(r.mitigation ?? ''),
    esc(r.ownerLabel ?? ''),
  ]);
  return [
    '<section aria-labelledby="risks"><h2 id="risks">Risks</h2>',
    table('Risks and mitigation', textCols('Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner'), rows),
    '</section>',
  ];
}

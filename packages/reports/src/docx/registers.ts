import type { Paragraph, Table } from 'docx';
import type { ReportModel } from '../model.js';
import { caption, h1 } from './blocks.js';
import { table } from './table.js';

/** Performance indicators and risks: each section appears only when the plan has any. */

export function indicatorsSection(model: ReportModel): (Paragraph | Table)[] {
  if (!model.indicators.length) return [];
  return [
    h1('Performance indicators'),
    caption(`Performance indicators: ${model.period.label}`),
    table(
      [
        ['Indicator', 5],
        ['Period', 2],
        ['Target', 1],
        ['Actual', 1],
        ['Floor standard', 1],
        ['Assessment', 4],
      ],
      model.indicators.map((i) => [
        `${i.ref ? `${i.ref} ` : ''}${i.name}`,
        i.periodKey ?? '',
        i.targetText,
        i.actualText,
        i.floorText,
        { text: `${i.ragWord}: ${i.assessment}`, rag: i.rag },
      ]),
    ),
  ];
}

export function risksSection(model: ReportModel): (Paragraph | Table)[] {
  if (!model.risks.length) return [];
  return [
    h1('Risks'),
    caption('Risks and mitigation'),
    table(
      [
        ['Risk', 5],
        ['Likelihood', 1],
        ['Impact', 1],
        ['Mitigation', 5],
        ['Owner', 2],
      ],
      model.risks.map((r) => [
        `${r.ref ? `${r.ref} ` : ''}${r.description}`,
        r.likelihood ?? '',
        r.impact ?? '',
        r.mitigation ?? '',
        r.ownerLabel ?? '',
      ]),
    ),
  ];
}

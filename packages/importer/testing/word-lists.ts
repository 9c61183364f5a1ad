import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  type Table,
  TableCell,
  TextRun,
} from 'docx';
import { parsePlanFile } from '../src/index.js';
import type { ParsedAction, ParsedPlan } from '../src/parsed-plan.js';

/**
 * Word documents with real lists (w:numPr), made with the docx library, for the importer's tests of
 * bullets, multi-level numbering and Word's own numbers (src/word-lists.test.ts, word-numbering.test.ts).
 */

export type Level = { level: number; format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string };
export const lvl = (level: number, format: Level['format'], text: string, start?: number) => ({
  level,
  format,
  text,
  alignment: AlignmentType.LEFT,
  ...(start !== undefined ? { start } : {}),
});

export const BULLETS = [
  lvl(0, LevelFormat.BULLET, '•'),
  lvl(1, LevelFormat.BULLET, 'o'),
  lvl(2, LevelFormat.BULLET, '▪'),
];
export const PLAN_LEVELS = [
  lvl(0, LevelFormat.DECIMAL, '%1.'),
  lvl(1, LevelFormat.DECIMAL, '%1.%2'),
  lvl(2, LevelFormat.LOWER_LETTER, '%3)'),
];
export const PRIORITY_LEVELS = [
  lvl(0, LevelFormat.DECIMAL, 'Priority %1 –'),
  lvl(1, LevelFormat.DECIMAL, '%1.%2'),
  lvl(2, LevelFormat.LOWER_LETTER, '%3)'),
];

export const numbering = {
  config: [
    { reference: 'bullets', levels: BULLETS },
    { reference: 'plan', levels: PLAN_LEVELS },
    { reference: 'priorities', levels: PRIORITY_LEVELS },
    { reference: 'flat', levels: [lvl(0, LevelFormat.DECIMAL, '%1.')] },
  ],
};

/** A paragraph of a Word list: its text, which list, and how deep. */
export const item = (text: string, reference: string, level = 0, instance?: number) =>
  new Paragraph({
    numbering: { reference, level, ...(instance !== undefined ? { instance } : {}) },
    children: [new TextRun(text)],
  });
export const heading = (text: string, numbered?: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    ...(numbered ? { numbering: { reference: numbered, level: 0 } } : {}),
    children: [new TextRun(text)],
  });

export const wordFile = (children: (Paragraph | Table)[]) =>
  Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
export const read = async (children: (Paragraph | Table)[]) =>
  parsePlanFile(await wordFile(children), { filename: 'plan.docx' });

export const cell = (children: Paragraph[], columnSpan?: number) =>
  new TableCell({ children, ...(columnSpan ? { columnSpan } : {}) });
export const text = (t: string) => cell([new Paragraph(t)]);

export const actions = (plan: ParsedPlan) => plan.themes.flatMap((t) => t.actions);
export const row = (a: ParsedAction) => [
  a.ref,
  a.title,
  a.leads.map((l) => l.label).join(' + '),
  a.due?.text ?? '',
];
export const steps = (a: ParsedAction | undefined) => (a?.milestones ?? []).map((m) => [m.title, m.due.text]);

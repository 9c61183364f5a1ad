import {
  AlignmentType,
  Document,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import { headed } from '../format.js';
import type { ReportModel } from '../model.js';
import { xmlSafe } from '../text.js';

/** 2 cm, in twentieths of a point. */
const MARGIN = 1134;

/** "Plan – period – page 3 of 12", centred at the foot of every page. */
function footer(model: ReportModel): Footer {
  const text = `${xmlSafe(model.plan.title)} – ${model.period.label} – page `;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [text, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/**
 * The document around the content: landscape A4, Arial 11 pt, and the language (en-GB) and title set
 * so assistive technology and Office read it right.
 */
export function committeePaper(model: ReportModel, children: (Paragraph | Table)[]): Document {
  const { plan, period } = model;
  return new Document({
    ...documentProperties({
      title: model.title,
      subject: headed(plan.title, period.label),
      description: `Progress report for ${model.council.name}, ${period.label}`,
    }),
    sections: [{ properties: PAGE, footers: { default: footer(model) }, children }],
  });
}

const PAGE = {
  page: {
    size: { orientation: PageOrientation.LANDSCAPE },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  },
};

function documentProperties(meta: { title: string; subject: string; description: string }) {
  return {
    title: xmlSafe(meta.title),
    subject: xmlSafe(meta.subject),
    creator: 'PeoplePlan',
    description: xmlSafe(meta.description),
    styles: {
      default: {
        document: { run: { language: { value: 'en-GB' }, font: 'Arial', size: 22 } },
      },
    },
  };
}

/**
 * The committee pack: a cover (what it holds) and each plan's paper in a section of its own, starting on
 * a new page with that plan's footer.
 */
export function committeePack(
  meta: { title: string; councilName: string; periodLabel: string },
  cover: (Paragraph | Table)[],
  papers: Array<{ model: ReportModel; children: (Paragraph | Table)[] }>,
): Document {
  return new Document({
    ...documentProperties({
      title: meta.title,
      subject: `${meta.councilName}: ${meta.periodLabel}`,
      description: `Progress reports on every active plan of ${meta.councilName}, ${meta.periodLabel}`,
    }),
    sections: [
      { properties: PAGE, children: cover },
      ...papers.map((p) => ({
        properties: PAGE,
        footers: { default: footer(p.model) },
        children: p.children,
      })),
    ],
  });
}

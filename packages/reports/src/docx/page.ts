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
    title: xmlSafe(model.title),
    subject: xmlSafe(`${plan.title}: ${period.label}`),
    creator: 'PeoplePlan',
    description: xmlSafe(`Progress report for ${model.council.name}, ${period.label}`),
    styles: {
      default: {
        document: { run: { language: { value: 'en-GB' }, font: 'Arial', size: 22 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: { default: footer(model) },
        children,
      },
    ],
  });
}

import { HeadingLevel, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../index.js';
import type { ParsedPlan } from '../parsed-plan.js';
import { placeNamer } from '../places.js';
import { readDocx } from '../readers/docx.js';
import { isDateCell } from './cell-kinds.js';
import { bulletedWordFile, readSample, wordBullet } from './test-helpers.js';

/** Each theme's title, and its actions as title | leads | deadline as written. */
const actionsOf = (plan: ParsedPlan) =>
  plan.themes.map((t) => ({
    theme: t.title,
    actions: t.actions.map((a) => [a.title, a.leads.map((l) => l.label).join(' + '), a.due?.text ?? '']),
  }));

const PASTED = [
  'People Plan 2026–2029',
  'Under each commitment we list what we will do, who will lead it and when.',
  'Our people are well led',
  'Good leadership is the biggest factor in engagement.',
  'What we will do:',
  '• Launch a leadership framework (Lead: Head of OD; by September 2026)',
  '• Run quarterly leaders’ forums (Lead: Chief Executive’s Office; ongoing)',
  '• Create a coaching network with neighbouring councils (Lead: OD Business Partner;',
  '  by December 2026)',
  'How we will know we have succeeded',
  '• Engagement score for "my manager" rises from 64% to 72%',
  '• 90% of managers complete the programme',
  'We attract and keep great people',
  'What we will do',
  '• Launch an onboarding portal (Leads: Head of HR and Head of Digital; by Sept 2026)',
  '• Introduce stay interviews in hard-to-fill roles (Lead: HR Business Partners – by end of June 2026)',
  '• Implement exit interview reporting to DMTs every quarter',
  'Governance',
  'Progress will be reported to scrutiny every six months.',
].join('\n');

describe('bulleted-actions', () => {
  it('reads pasted "•" bullets under each group heading as its actions, with lead and deadline', async () => {
    const plan = await parsePlanFile(PASTED, { filename: 'plan.txt' });
    expect(actionsOf(plan)).toEqual([
      {
        theme: 'Our people are well led',
        actions: [
          ['Launch a leadership framework', 'Head of OD', 'by September 2026'],
          ['Run quarterly leaders’ forums', 'Chief Executive’s Office', 'ongoing'],
          ['Create a coaching network with neighbouring councils', 'OD Business Partner', 'by December 2026'],
        ],
      },
      {
        theme: 'We attract and keep great people',
        actions: [
          ['Launch an onboarding portal', 'Head of HR + Head of Digital', 'by Sept 2026'],
          ['Introduce stay interviews in hard-to-fill roles', 'HR Business Partners', 'by end of June 2026'],
          // Most of the list says who and when: the one that does not is an action of it all the same.
          ['Implement exit interview reporting to DMTs every quarter', '', ''],
        ],
      },
    ]);
    // The measures are the theme's, kept with its sentence; never actions, never glued onto one.
    expect(plan.themes[0]!.description).toBe(
      [
        'Good leadership is the biggest factor in engagement.',
        'How we will know we have succeeded',
        'Engagement score for "my manager" rises from 64% to 72%',
        '90% of managers complete the programme',
      ].join('\n'),
    );
    const titles = plan.themes.flatMap((t) => t.actions.map((a) => a.title)).join('\n');
    expect(titles).not.toMatch(/succeeded|managers complete|We attract|What we will do/);
  });

  it('reads "-" bullets under a numbered theme: labelled, or a lead and a date set apart by dashes', () => {
    const r = readSample(
      [
        'Theme 1: Recruitment and retention',
        '- Launch a careers site – Lead: Head of HR, by March 2027',
        '- Review the market supplement policy – Reward Manager – June 2027',
        '- Offer guaranteed interviews to care leavers (by April 2027)',
        '',
        'Measures of success:',
        '- Turnover below 12%',
        '- Time to hire under 45 days',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['bulleted-actions']);
    expect(r.headings).toEqual(['Theme 1: Recruitment and retention']);
    expect(r.header).toEqual(['Action', 'Description', 'Lead', 'Timescale']);
    expect(r.data).toEqual([
      ['Launch a careers site', '', 'Head of HR', 'by March 2027'],
      ['Review the market supplement policy', '', 'Reward Manager', 'June 2027'],
      ['Offer guaranteed interviews to care leavers', '', '', 'by April 2027'],
    ]);
    const paras = r.items.filter((i) => i.type === 'para').map((i) => (i as { text: string }).text);
    expect(paras).toEqual(['Measures of success:', '• Turnover below 12%', '• Time to hire under 45 days']);
  });

  it('reads Word list paragraphs under Word headings, and names a note’s place as the paragraph', async () => {
    const file = await bulletedWordFile([
      new Paragraph({ text: 'Workforce Action Plan 2026', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: 'We look after our wellbeing', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('Stress remains our top reason for absence.'),
      new Paragraph({ text: 'What we will do', heading: HeadingLevel.HEADING_3 }),
      wordBullet(
        'Retender the Employee Assistance Programme (Lead: Occupational Health Manager; by January 2027)',
      ),
      wordBullet('Train all managers in supporting mental health (Lead: L&D Manager; by 31/02/2027)'),
      new Paragraph({ text: 'What success looks like', heading: HeadingLevel.HEADING_3 }),
      wordBullet('Average sickness absence under 9 days per FTE'),
      new Paragraph({ text: 'We are a fair employer', heading: HeadingLevel.HEADING_2 }),
      wordBullet('Introduce anonymised shortlisting (Lead: Recruitment Manager; by April 2026)'),
      wordBullet('Achieve Menopause Friendly accreditation (Lead: Wellbeing Officer; by March 2027)'),
    ]);
    const plan = await parsePlanFile(file, { filename: 'plan.docx' });
    expect(actionsOf(plan)).toEqual([
      {
        theme: 'We look after our wellbeing',
        actions: [
          ['Retender the Employee Assistance Programme', 'Occupational Health Manager', 'by January 2027'],
          ['Train all managers in supporting mental health', 'L&D Manager', 'by 31/02/2027'],
        ],
      },
      {
        theme: 'We are a fair employer',
        actions: [
          ['Introduce anonymised shortlisting', 'Recruitment Manager', 'by April 2026'],
          ['Achieve Menopause Friendly accreditation', 'Wellbeing Officer', 'by March 2027'],
        ],
      },
    ]);
    expect(plan.themes[0]!.description).toBe(
      [
        'Stress remains our top reason for absence.',
        'What success looks like',
        'Average sickness absence under 9 days per FTE',
      ].join('\n'),
    );
    // The document has no table: a note on an action points at its paragraph, not at "table 1, row 3".
    const read = await readDocx(file);
    const train = read.items.find((i) => i.type === 'row' && i.cells[0]!.startsWith('Train'))!;
    expect(placeNamer(read)(`line ${train.line}`)).toBe(
      'the paragraph "Train all managers in supporting mental…"',
    );
  });

  it('leaves a list of goals or figures with no lead and no date alone', () => {
    const r = readSample(
      [
        'Our ambitions',
        'By the end of the plan we want to be:',
        '• A great place to work',
        '• An employer that reflects its communities',
        '',
        'Our workforce',
        '• 1,204 staff in post – March 2024',
        '• 58% women',
        '- Average age 44',
      ].join('\n'),
    );
    expect(r.rows).toEqual([]);
    expect(r.headings).toEqual([]);
  });

  it('keeps a measures list under a theme out of the actions, even introduced as the bullets are', () => {
    const r = readSample(
      [
        'Theme 2: Wellbeing',
        'We will:',
        '• Retender the Employee Assistance Programme (Lead: Occupational Health Manager; by January 2027)',
        'How we will know we have succeeded:',
        '• Sickness absence reduced by March 2027',
        '• Fewer days lost to stress',
      ].join('\n'),
    );
    expect(r.data).toEqual([
      ['Retender the Employee Assistance Programme', '', 'Occupational Health Manager', 'by January 2027'],
    ]);
    expect(r.items.filter((i) => i.type === 'para')).toHaveLength(3);
  });

  it('takes a last part the timescale reader reads whole as the deadline ("Six-monthly", "annually")', () => {
    const r = readSample(
      [
        'Theme 1: A great place to work',
        'What we will do:',
        '• Run a pulse survey and publish what we did in response – OD Advisor – Six-monthly',
        '• Offer at least 12 apprenticeships a year – Apprenticeship Coordinator – annually',
        '• Check in with every new starter – HR Business Partners – Every six months',
      ].join('\n'),
    );
    expect(r.data).toEqual([
      ['Run a pulse survey and publish what we did in response', '', 'OD Advisor', 'Six-monthly'],
      ['Offer at least 12 apprenticeships a year', '', 'Apprenticeship Coordinator', 'annually'],
      ['Check in with every new starter', '', 'HR Business Partners', 'Every six months'],
    ]);
    // Words the timescale reader leaves over are a name's ("Section 75 Annual"), not a deadline.
    expect(isDateCell('Six-monthly')).toBe(true);
    expect(isDateCell('Section 75 Annual')).toBe(false);
  });
});

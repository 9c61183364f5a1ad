import { describe, expect, it } from 'vitest';
import { cleanText, joinText, looksLikeFormula } from './cells.js';
import { matchHeader, normalizeHeader } from './header-mapping.js';
import { parsePlanFile } from './index.js';
import { splitLeadLabels } from './leads.js';
import { findPeriod } from './period.js';
import { splitYearActions } from './years.js';

describe('lead cells', () => {
  it.each([
    ["GM (HR) GM (LC) / Snr. Prof & SM's -LC", ['GM (HR)', 'GM (LC)', "Snr. Prof & SM's -LC"]],
    [
      'Helen Bale, Julie Cudmore and Jackie Turner-Robinson',
      ['Helen Bale', 'Julie Cudmore', 'Jackie Turner-Robinson'],
    ],
    ['HOPOS/L ois Prior', ['HOPOS', 'L ois Prior']],
    ['Helen Farrell/', ['Helen Farrell']],
    ['Head of HR; Occupational Health', ['Head of HR', 'Occupational Health']],
    ['All Directors and Heads of', ['All Directors and Heads of']],
    ['HR & Communi cations teams', ['HR & Communi cations teams']],
    ['Clir Jackson', ['Clir Jackson']],
    // Two areas' initials joined inside one role are one lead; two people's initials are two.
    ['Head of HR & OD', ['Head of HR & OD']],
    ['Assistant Director, HR & OD', ['Assistant Director, HR & OD']],
    ['Head of HR and Head of OD', ['Head of HR', 'Head of OD']],
    ['JS & TH', ['JS', 'TH']],
    ['Head of HR & CEO', ['Head of HR', 'CEO']],
    ['Head of HR, JS & TH', ['Head of HR', 'JS', 'TH']],
    // A role over two areas is one lead; a role and a person's name after a comma are not joined.
    ['Head of Waste & Street Scene', ['Head of Waste & Street Scene']],
    ['Director of Finance and Corporate Resources', ['Director of Finance and Corporate Resources']],
    ['Head of Planning and Head of Regulatory Services', ['Head of Planning', 'Head of Regulatory Services']],
    // Areas joined by "&" before the role (or team) they qualify are one job title; a role, a name or a
    // person's initials before the "&" are a lead of their own.
    ['HR Systems & Insight Manager', ['HR Systems & Insight Manager']],
    ['HR Systems and Insight Manager', ['HR Systems and Insight Manager']],
    ['HR & Payroll Manager', ['HR & Payroll Manager']],
    ['ICT & Digital Lead', ['ICT & Digital Lead']],
    ['OD & Wellbeing Team', ['OD & Wellbeing Team']],
    ['Health & Safety Advisor', ['Health & Safety Advisor']],
    ['HR Systems & Insight Manager / Head of Finance', ['HR Systems & Insight Manager', 'Head of Finance']],
    ['Head of HR, HR Systems & Insight Manager', ['Head of HR', 'HR Systems & Insight Manager']],
    ['Head of HR & Insight Manager', ['Head of HR', 'Insight Manager']],
    ['Head of OD & Digital Lead', ['Head of OD', 'Digital Lead']],
    ['JS & Insight Manager', ['JS', 'Insight Manager']],
    ['Head of HR & Head of Finance', ['Head of HR', 'Head of Finance']],
    // One person's name written surname first reads forename first; two teams or roles stay two leads.
    ['Price, Helen', ['Helen Price']],
    ['SMITH, John', ['John Smith']],
    ["O'Neill, Mary-Ann", ["Mary-Ann O'Neill"]],
    ['van der Berg, Anna M.', ['Anna M. van der Berg']],
    ['Price, Helen (Head of HR)', ['Helen Price (Head of HR)']],
    ['Price, Helen; SMITH, John', ['Helen Price', 'John Smith']],
    ['HR, OD', ['HR', 'OD']],
    ['Finance, Legal', ['Finance', 'Legal']],
    ['Head of HR, Chief Exec', ['Head of HR', 'Chief Exec']],
    ['Assistant Director, People', ['Assistant Director, People']],
    ['CMT, Helen', ['CMT, Helen']],
  ])('%s', (cell, labels) => {
    expect(splitLeadLabels(cell)).toEqual(labels);
  });

  it('never loses a letter', () => {
    for (const cell of [
      "GM (LC)/ Snr. Prof & SM's –LC",
      'HR Departme nt Lois Prior All Directors and Heads of',
    ]) {
      expect(splitLeadLabels(cell).join('').replace(/\s|\//g, '')).toBe(cell.replace(/\s|\//g, ''));
    }
  });
});

describe('cell text', () => {
  it('turns stray HTML into lines and decodes entities', () => {
    expect(cleanText('<ul style="list-style-type: none"> ▪ Choose benefits ▪ Change them &amp; more ')).toBe(
      'Choose benefits\nChange them & more',
    );
    expect(cleanText('<p>2004-05 Negotiate</p> <p>2005-06 Complete</p>')).toBe(
      '2004-05 Negotiate\n2005-06 Complete',
    );
  });

  it('joins text split by a page break', () => {
    expect(joinText('2005-06 Apply business process re-', 'engineering to recruitment.')).toBe(
      '2005-06 Apply business process re-engineering to recruitment.',
    );
    expect(joinText('for managers', 'into the works')).toBe('for managers into the works');
    expect(joinText('Done.', 'Next thing')).toBe('Done.\nNext thing');
  });

  it('flags formula-like cells but not bullets or numbers', () => {
    expect(['=1+1', '@SUM(A1)', '+cmd', '-2+3', "=cmd|' /C calc'!A0"].every(looksLikeFormula)).toBe(true);
    expect(['- Drive through', '-5', '+10%', 'Plain'].some(looksLikeFormula)).toBe(false);
  });
});

describe('headers', () => {
  it('matches synonyms through Word’s split words and bracketed notes', () => {
    expect(normalizeHeader('Start Date (month/year)')).toBe('start date');
    expect(matchHeader('Operation al Lead')[0]).toMatchObject({ field: 'lead:operational', confidence: 1 });
    expect(matchHeader('PROGRESS end year one')[0]).toMatchObject({ field: 'progress', confidence: 0.85 });
    expect(matchHeader('Actions needed or planned')[0]!.field).toBe('title');
    expect(matchHeader('Action needed & current position')[0]!.field).toBe('currentPosition');
    expect(matchHeader('Issue being faced')[0]!.field).toBe('themeDescription');
    expect(matchHeader('What we’ll do')[0]!.field).toBe('title');
  });

  it('reads a SMART plan’s columns and an audit plan’s implementation date', async () => {
    expect(matchHeader('Specific (what will we do?)')[0]!.field).toBe('title');
    expect(matchHeader('Measurable (how will we know?)')[0]!.field).toBe('measureOfSuccess');
    expect(matchHeader('Time-bound (by when?)')[0]!.field).toBe('due');
    expect(matchHeader('Agreed implementation date')[0]!.field).toBe('due');
    const plan = await parsePlanFile(
      [
        'No.\tSpecific (what will we do?)\tMeasurable (how will we know?)\tAchievable (resources)\tTime-bound (by when?)\tResponsible',
        '1\tRecruit 12 reablement workers\tVacancies below 5%\tBetter Care Fund\tMarch 2027\tReablement Manager',
      ].join('\n'),
    );
    expect(plan.themes[0]!.actions[0]).toMatchObject({
      title: 'Recruit 12 reablement workers',
      measureOfSuccess: 'Vacancies below 5%',
      due: { due: '2027-03-31' },
    });
    const audit = await parsePlanFile(
      [
        'Rec. No.\tRecommendation\tManagement response\tResponsible officer\tImplementation date',
        '1\tDBS checks should be renewed every three years.\tAgreed.\tHR Operations Manager\t30 September 2026',
        '2\tRight to work checks should be recorded.\tAgreed.\tHR Operations Manager\tImplemented',
      ].join('\n'),
    );
    expect(audit.themes[0]!.actions.map((a) => [a.due?.due, a.status])).toEqual([
      ['2026-09-30', undefined],
      [undefined, 'completed'],
    ]);
  });
});

describe('years and periods', () => {
  it('splits a corporate-actions cell by financial year as written', () => {
    expect(
      splitYearActions('2004 –05 Negotiate scheme\n2005-06 Implement\n2006 07 System goes live.'),
    ).toEqual([
      { year: '2004-05', written: '2004 –05', text: 'Negotiate scheme' },
      { year: '2005-06', written: '2005-06', text: 'Implement' },
      { year: '2006-07', written: '2006 07', text: 'System goes live.' },
    ]);
    // Not a financial year: "2004 2008" and dates inside the text stay text.
    expect(splitYearActions('Achieve status June 2004, Nov 2004 Achieve')).toEqual([
      { text: 'Achieve status June 2004, Nov 2004 Achieve' },
    ]);
  });

  it('reads the plan period from its title lines', () => {
    expect(findPeriod(['2004 – 2008'])).toEqual({
      label: '2004 – 2008',
      start: '2004-04-01',
      end: '2008-03-31',
    });
    expect(findPeriod(['Divisional Business Plan 2013-14 - DRAFT'])).toEqual({
      label: '2013-14',
      start: '2013-04-01',
      end: '2014-03-31',
    });
    expect(findPeriod(['HR PEER REVIEW ACTION PLAN'])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import { isPageFurniture } from './page-furniture.js';

describe('a page’s own words', () => {
  it.each([
    'Page 2 of 4',
    'Back to top',
    'Skip to main content',
    'Printed from ellesmere.moderngov.co.uk',
    'Printed on 03/03/2026 at 10:15',
    '© Ellesmere City Council',
    '(continued)',
    'OFFICIAL',
    'OFFICIAL-SENSITIVE: COMMERCIAL',
    'NOT PROTECTIVELY MARKED',
    'Back to agenda',
    'Supporting documents:',
    'Appendix A - Action Plan, item 7. PDF 198 KB',
    'Accessibility statement',
    'Contact us',
  ])('"%s" is the page’s, not the plan’s', (line) => expect(isPageFurniture(line)).toBe(true));

  it.each([
    'Back to work scheme launched for 12 staff',
    '2 of 3 networks launched',
    '14 of 20',
    'Copyright guidance issued to all schools in January.',
    'Printed on 3 March: list of starters sent to payroll.',
    'Page turners reading group started',
    'Official launch of the staff app',
    'Restricted posts reviewed',
    'Contact us page rewritten for applicants',
    'Supporting documents for the pay review sent to unions',
    'Cookies policy agreed with IT',
  ])('"%s" is the plan’s', (line) => expect(isPageFurniture(line)).toBe(false));

  it('are left out of the actions of a plan pasted from a committee web page, with a note, and its title is the plan’s', async () => {
    const text = [
      'Agenda item',
      'Meeting: Employment Committee',
      'Skip to main content',
      'Appendix B – People Strategy Action Plan 2025-2028: Progress Update',
      '',
      'Theme 1: Attracting and retaining talent',
      'Ref\tAction\tLead Officer\tTimescale\tProgress to date\tRAG',
      '1.1\tLaunch a careers website\tHead of People\tSept 2025\tLaunched in October.\tComplete',
      '1.2\tIntroduce a market supplement framework\tReward Lead\tDec 2025\tApproved by Cabinet in November.',
      'First payments made in January.\tComplete',
      '',
      'Page 2 of 4',
      '',
      'Theme 2: Developing our people',
      'Ref\tAction\tLead Officer\tTimescale\tProgress to date\tRAG',
      '2.1\tLaunch a leaders programme\tOD Lead\tNov 2025\tTwo cohorts complete.\tComplete',
      '2.2\tIntroduce protected learning time\tOD Lead\tJan 2026\t\tNot started',
      '',
      'Back to top',
      'Printed from ellesmere.moderngov.co.uk',
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'appendix-b.txt' });
    expect(plan.title).toBe('People Strategy Action Plan 2025-2028: Progress Update');
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.status, a.unplaced])).toEqual([
      ['1.1', 'completed', []],
      ['1.2', 'completed', []],
      ['2.1', 'completed', []],
      ['2.2', 'not-started', []],
    ]);
    // "Page 2 of 4" alone, and the footer's two lines ("Back to top", "Printed from …") named once.
    expect(plan.warnings.filter((w) => w.code === 'page-furniture').map((w) => w.where)).toEqual([
      'line 12',
      'lines 19–20',
    ]);
  });
});

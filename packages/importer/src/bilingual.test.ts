import { describe, expect, it } from 'vitest';
import { englishHalf, inEnglish } from './bilingual.js';
import { parsePlanFile } from './index.js';

describe('englishHalf: a cell in Welsh and English', () => {
  it.each([
    ['Statws / Status', 'Status'],
    ['Cam Gweithredu / Action', 'Action'],
    ['Medi 2026 / September 2026', 'September 2026'],
    ['Pennaeth AD / Head of HR', 'Head of HR'],
    ['Ar y trywydd / On track', 'On track'],
    ['Target Date / Dyddiad Targed', 'Target Date'],
    ['Cyflwyno polisi menopos\nIntroduce a menopause policy', 'Introduce a menopause policy'],
  ])('"%s" reads as "%s"', (cell, english) => expect(englishHalf(cell)).toBe(english));

  it.each([
    'HR / OD Manager',
    'Head of HR / Chief Executive',
    'Q3 / Q4 2026',
    'Recruitment',
    'Gareth Jones / Head of HR',
  ])('"%s" is not bilingual', (cell) => expect(englishHalf(cell)).toBeUndefined());
});

describe('a Welsh council’s bilingual plan', () => {
  it('reads Welsh-first headers, one lead, one date and one status a cell, and numbered themes in both languages', async () => {
    const text = [
      "Cynllun Gweithredu'r Gweithlu 2026-2028 / Workforce Action Plan 2026-2028",
      '',
      'Cyf / Ref\tCam Gweithredu / Action\tArweinydd / Lead\tDyddiad Targed / Target Date\tStatws / Status',
      'Thema 1: Recriwtio a Chadw / Theme 1: Recruitment and Retention\t\t\t\t',
      '1.1\tDatblygu brand cyflogwr newydd / Develop a new employer brand\tPennaeth AD / Head of HR\tMedi 2026 / September 2026\tAr y trywydd / On track',
      'Thema 2: Llesiant / Theme 2: Wellbeing\t\t\t\t',
      '2.1\tCyflwyno polisi menopos / Introduce a menopause policy\tPartner Busnes AD / HR Business Partner\tMehefin 2026 / June 2026\tWedi cwblhau / Complete',
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'cynllun.txt' });
    expect(plan.themes.map((t) => [t.ref, t.title])).toEqual([
      ['1', 'Recriwtio a Chadw / Recruitment and Retention'],
      ['2', 'Llesiant / Wellbeing'],
    ]);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(
      actions.map((a) => [a.ref, a.leads.map((l) => l.label), a.due?.text, a.due?.due, a.status]),
    ).toEqual([
      ['1.1', ['Head of HR'], 'Medi 2026 / September 2026', '2026-09-30', 'on-track'],
      ['2.1', ['HR Business Partner'], 'Mehefin 2026 / June 2026', '2026-06-30', 'completed'],
    ]);
    // The words a person reads stay as written, in both languages.
    expect(actions[0]!.title).toBe('Datblygu brand cyflogwr newydd / Develop a new employer brand');
  });
});

describe('inEnglish: a cell of several bilingual lines', () => {
  it('reads each line by its English half', () => {
    expect(inEnglish('Pennaeth AD / Head of HR\nRheolwr Cyflogau / Payroll Manager')).toBe(
      'Head of HR\nPayroll Manager',
    );
    expect(inEnglish('Pennaeth AD / Head of HR, Rheolwr Cyflogau / Payroll Manager')).toBe(
      'Head of HR, Payroll Manager',
    );
    // English alone is left as it is.
    expect(inEnglish('Assistant Director, HR & OD')).toBe('Assistant Director, HR & OD');
  });
});

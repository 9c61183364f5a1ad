import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../index.js';

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');

describe('a "What we will do" cell of bullets', () => {
  it('is an action a bullet, each sharing the row’s outcome, lead and date', async () => {
    const text = csv([
      ['Outcome', 'What we will do', 'Who', 'When'],
      [
        'A workforce that reflects our communities',
        '• Publish an annual workforce equality report\n• Set up a reverse mentoring scheme',
        'EDI Lead',
        'March 2027',
      ],
      ['Staff feel supported', 'Refresh the attendance policy', 'HR Policy Lead', 'September 2026'],
    ]);
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'plan.csv' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.title, a.leads.map((l) => l.label), a.due?.text, a.outcome])).toEqual([
      [
        'Publish an annual workforce equality report',
        ['EDI Lead'],
        'March 2027',
        'A workforce that reflects our communities',
      ],
      [
        'Set up a reverse mentoring scheme',
        ['EDI Lead'],
        'March 2027',
        'A workforce that reflects our communities',
      ],
      ['Refresh the attendance policy', ['HR Policy Lead'], 'September 2026', 'Staff feel supported'],
    ]);
  });

  it('stays one action when a line is not a bullet, or the row has its own ref', async () => {
    const text = csv([
      ['Ref', 'Action', 'Lead', 'Deadline'],
      ['1', 'Improve induction:\n• new e-learning\n• buddy scheme', 'L&D Manager', 'March 2027'],
      ['2', '• Review the pay policy\n• Consult the unions', 'Head of Reward', 'June 2027'],
    ]);
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'plan.csv' });
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.ref)).toEqual(['1', '2']);
  });

  it('stays one action on a row numbered in a column of its own', async () => {
    const text = csv([
      ['Equality aim', 'WRES metric', 'Action', 'Lead'],
      [
        'Meets all aims',
        '2',
        '• Introduce spot audits of recruitment\n• Train interview panels',
        'Head of EDI',
      ],
    ]);
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'plan.csv' });
    expect(plan.themes.flatMap((t) => t.actions)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

describe('warnings over runs of lines', () => {
  it('names a run of lines kept outside the table once, with its first line as the example', async () => {
    const text = [
      'Action | Lead | Deadline |',
      'Run the staff survey | Head of HR | May 2025 |',
      'Publish the results | Comms Manager | July 2025 |',
      '',
      'Contact us',
      'Accessibility statement',
      'Privacy notice',
      'Site map',
    ].join('\n');
    const plan = await parsePlanFile(text);
    const orphans = plan.warnings.filter((w) => w.code === 'orphan-text');
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ where: 'lines 5–8' });
    expect(orphans[0]!.message).toMatch(/^4 lines \(5–8\).*Contact us/);
  });
});

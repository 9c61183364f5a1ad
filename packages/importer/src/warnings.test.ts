import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

describe('warnings over runs of lines', () => {
  it('names a run of lines kept outside the table once, with its first line as the example', async () => {
    const text = [
      'Action | Lead | Deadline |',
      'Run the staff survey | Head of HR | May 2025 |',
      'Publish the results | Comms Manager | July 2025 |',
      '',
      'Notes from the DMT meeting',
      'Survey provider to be confirmed',
      'Results to go to Cabinet',
      'Budget held centrally',
    ].join('\n');
    const plan = await parsePlanFile(text);
    const orphans = plan.warnings.filter((w) => w.code === 'orphan-text');
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ where: 'lines 5–8' });
    expect(orphans[0]!.message).toMatch(/^4 lines \(5–8\).*Notes from the DMT meeting/);
  });

  it('names a web page’s footer links after the table once, as the page’s own words left out', async () => {
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
    expect(plan.warnings.filter((w) => w.code === 'orphan-text')).toEqual([]);
    const furniture = plan.warnings.filter((w) => w.code === 'page-furniture');
    expect(furniture).toHaveLength(1);
    expect(furniture[0]).toMatchObject({ where: 'lines 5–8' });
    expect(furniture[0]!.message).toMatch(/^4 lines \(5–8\) were a page's own words.*"Contact us"$/);
    expect(plan.themes.flatMap((t) => t.actions).flatMap((a) => a.unplaced)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../index.js';
import { readYamlPlan } from './yaml-plan.js';

/** A made-up staff network plan kept as a web page's YAML front matter. */
const SAMPLE = `---
title: "Network plan 2025"
date: 2025-01-10
goals:
- goal: "Run a buddy scheme"   # what we will do
  description: "Pair every new member with a buddy."
  team:
  - name: "Asha Patel"
  - name: "Tom Reid"
  milestones:
  - milestone: "Recruit ten buddies"
    date: 2025-03-31
    complete: true
  - milestone: "Match the first pairs"
    date: 2025-02-30
    complete: false
# - goal: "Hold a summer event"
#   description: "A social for all members."
#   team:
#   - name: "Tom Reid"
- goal: "Publish a members' newsletter"
  team:
  - name: "Ruth Okafor"
---
Body text of the page.`;

describe('yaml plan', () => {
  it('reads each record as an action, a list of names as its leads and dated records as milestones', async () => {
    const plan = await parsePlanFile(SAMPLE);
    expect(plan.title).toBe('Network plan 2025');
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.title)).toEqual(['Run a buddy scheme', "Publish a members' newsletter"]);
    expect(actions[0]!.description).toBe('Pair every new member with a buddy.');
    expect(actions[0]!.leads.map((l) => l.label)).toEqual(['Asha Patel', 'Tom Reid']);
    expect(actions[0]!.milestones.map((m) => [m.title, m.due.due, m.completed ?? false])).toEqual([
      ['Recruit ten buddies', '2025-03-31', true],
      ['Match the first pairs', undefined, false],
    ]);
    expect(actions[1]!.leads.map((l) => l.label)).toEqual(['Ruth Okafor']);
  });

  it('names a commented-out record and a date that is not a real day', async () => {
    const plan = await parsePlanFile(SAMPLE);
    expect(plan.warnings.find((w) => w.code === 'commented-out')).toMatchObject({ where: 'lines 17–20' });
    expect(plan.warnings.find((w) => w.code === 'unparsed-date')?.message).toContain('2025-02-30');
  });

  it('is not a YAML plan without front matter holding a list of records', () => {
    expect(readYamlPlan('title: x\n')).toBeUndefined();
    expect(readYamlPlan('---\ntitle: "Just a page"\ntags: [a, b]\n---\nText')).toBeUndefined();
  });
});

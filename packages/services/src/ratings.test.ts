import { type Milestone, planRatings, type Timescale } from '@peopleplan/core';
import { CouncilData, createDocClient, provisionCouncil, tenantContext } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { actionRatings } from './ratings.js';

const date = (due: string): Timescale => ({ text: due, kind: 'date', due, precision: 'day' });
const TODAY = '2026-12-06';

describe('action ratings from the plan board', () => {
  const doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
  let drop: () => Promise<void>;
  let harrow: CouncilData;
  const reads: string[] = [];

  beforeAll(async () => {
    const t = await freshTable();
    drop = t.drop;
    await provisionCouncil(doc, t.tableName, { id: 'harrow', name: 'Harrow' });
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        reads.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countReads' },
    );
    harrow = new CouncilData(doc, t.tableName, tenantContext('harrow', 'editor', { sub: 'u1', name: 'Ed' }));
  });
  afterAll(() => drop());

  it('says what rating the whole plan says, naming late milestones and sub-actions, without reading the plan', async () => {
    const { plan } = await harrow.plans.create({
      title: 'Workforce plan',
      kind: 'business-plan',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [{ ref: '1', title: 'Recruitment' }],
    });
    const action = (ref: string, extra: object = {}) =>
      harrow.actions.create(plan.id, {
        ref,
        title: `Action ${ref}`,
        leads: [],
        status: 'on-track',
        due: date('2027-03-31'),
        crossRefs: [],
        ...extra,
      });
    const parent = await action('1');
    const child = await action('1.1', { parentId: parent.id });
    const grandchild = await action('', { parentId: child.id, title: 'Grandchild with no reference' });
    const green = await action('2');
    const milestone = (actionId: string, ref: string, due: string): Promise<Milestone> =>
      harrow.milestones.create(actionId, {
        ref,
        title: `Milestone ${ref}`,
        due: date(due),
        linkedActionIds: [],
        status: 'not-started',
      });
    await milestone(parent.id, 'A', '2026-10-31');
    await milestone(grandchild.id, 'B', '2026-11-15');
    await milestone(green.id, 'C', '2027-09-30');

    const council = await harrow.council.get();
    const tree = await harrow.plans.summaries(plan.id);
    const whole = planRatings(tree.actions, tree.milestones, TODAY, council.ragRules).actions;
    const ids = [parent.id, child.id, grandchild.id, green.id];

    reads.length = 0;
    const fromBoard = await actionRatings(harrow, plan.id, ids, TODAY);
    for (const id of ids) expect(fromBoard.get(id), id).toEqual(whole.get(id));
    expect(fromBoard.get(parent.id)?.rag).toBe('red');
    expect(fromBoard.get(parent.id)?.reasons.join(' ')).toMatch(/Milestone A/);
    expect(fromBoard.get(child.id)?.reasons.join(' ')).toMatch(/Grandchild with no reference/);
    // The board (one query) and the named items (one batch); never the plan's items.
    expect(reads.filter((r) => r === 'QueryCommand')).toHaveLength(1);
    expect(reads.filter((r) => r === 'BatchGetItemCommand')).toHaveLength(1);

    reads.length = 0;
    expect(await actionRatings(harrow, plan.id, [green.id], TODAY)).toEqual(
      new Map([[green.id, whole.get(green.id)]]),
    );
    expect(reads, 'a rating with no reasons to name reads no items').not.toContain('BatchGetItemCommand');
  });
});

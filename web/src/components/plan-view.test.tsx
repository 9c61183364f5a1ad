import type { Plan } from '@peopleplan/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionTable, PlanFacts } from './plan-view.js';

/** The table's accessible names: its scrolling region's label and its caption. */
const names = (caption: string) => {
  const html = renderToStaticMarkup(
    <ActionTable columns={[]} actions={[]} msByAction={new Map()} caption={caption} actionHref={() => '#'} />,
  );
  return [/aria-label="([^"]*)"/.exec(html)?.[1], /<caption[^>]*>([^<]*)<\/caption>/.exec(html)?.[1]];
};

describe('ActionTable names', () => {
  it('names a group’s table after the group', () => {
    expect(names('Recruitment')).toEqual(['Recruitment: actions (table)', 'Recruitment: actions']);
  });

  it('does not say "actions" twice for a group already called so', () => {
    expect(names('Actions')).toEqual(['Actions (table)', 'Actions']);
    expect(names('Other actions')).toEqual(['Other actions (table)', 'Other actions']);
  });
});

describe('PlanFacts owner', () => {
  const plan = (o: Partial<Plan>) =>
    ({
      kind: 'people-strategy',
      period: { label: '2026-2028' },
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      ...o,
    }) as unknown as Plan;
  const owner = (p: Plan, ownerName?: string) => {
    const text = renderToStaticMarkup(<PlanFacts plan={p} actions={3} ownerName={ownerName} />).replace(
      /<[^>]+>/g,
      '|',
    );
    return /Owner\|+([^|]+)/.exec(text)?.[1];
  };

  it('shows an owner chosen from the directory, beside the plan’s own label when there is one', () => {
    expect(owner(plan({ ownerPersonId: 'p1' }), 'Ed Ellis')).toBe('Ed Ellis');
    expect(owner(plan({ ownerPersonId: 'p1', ownerLabel: 'Head of HR' }), 'Ed Ellis')).toBe(
      'Head of HR (Ed Ellis)',
    );
    expect(owner(plan({ ownerPersonId: 'p1', ownerLabel: 'Ed Ellis, Head of HR' }), 'Ed Ellis')).toBe(
      'Ed Ellis, Head of HR',
    );
  });

  it('keeps the label alone when the directory is not read, and no row when there is no owner', () => {
    expect(owner(plan({ ownerLabel: 'Head of HR' }))).toBe('Head of HR');
    expect(owner(plan({}))).toBeUndefined();
  });
});

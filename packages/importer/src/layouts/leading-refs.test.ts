import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../source.js';
import { moveLeadingRefs } from './leading-refs.js';

const table = (header: string[], ...rows: string[][]): SourceItem[] => [
  { type: 'row', cells: header, table: 0, line: 1, header: true },
  ...rows.map((cells, i) => ({ type: 'row' as const, cells, table: 0, line: i + 2 })),
];
const cellsOf = (items: SourceItem[]) => items.map((i) => (i.type === 'row' ? i.cells : []));

describe('leading refs', () => {
  it('moves refs written at the start of most rows to a ref column of their own', () => {
    const items = table(
      ['Action', 'Lead'],
      ['B1. Train managers', 'HR'],
      ['B2 Survey staff', 'OD'],
      ['Also this', 'HR'],
    );
    moveLeadingRefs(items);
    expect(cellsOf(items)).toEqual([
      ['Ref', 'Action', 'Lead'],
      ['B1', 'Train managers', 'HR'],
      ['B2', 'Survey staff', 'OD'],
      ['', 'Also this', 'HR'],
    ]);
  });

  it('fills an empty ref column, and leaves rows whose text merely starts with a number', () => {
    const items = table(['No', 'Action'], ['', '3. Publish the plan'], ['', '4. Review it']);
    moveLeadingRefs(items);
    expect(cellsOf(items).slice(1)).toEqual([
      ['3', 'Publish the plan'],
      ['4', 'Review it'],
    ]);
    const few = table(
      ['Action', 'Lead'],
      ['10 new apprentices a year', 'HR'],
      ['Train managers', 'HR'],
      ['Survey', 'OD'],
    );
    moveLeadingRefs(few);
    expect(cellsOf(few)[0]).toEqual(['Action', 'Lead']);
  });
});

import { describe, expect, it } from 'vitest';
import { changedKeys, draftOf, patchBody } from '../../web/src/lib/action-draft.js';
import type { ActionRow } from '../../web/src/lib/responses.js';

const action = {
  id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  ref: '3.3',
  title: 'Reduce sickness absence',
  status: 'on-track',
  leads: [],
  crossRefs: [],
  version: 4,
  unplaced: ['Review: this plan will be reviewed in March 2027.', 'Keep the HR dashboard up to date'],
} as unknown as ActionRow;

describe('the text an import kept with an action, in the edit form', () => {
  it('is shown a paragraph each, and sent back as paragraphs once changed, the rest untouched', async () => {
    const d = draftOf(action);
    expect(d.importNotes).toBe(
      'Review: this plan will be reviewed in March 2027.\n\nKeep the HR dashboard up to date',
    );
    const tidied = { ...d, importNotes: '  Keep the HR dashboard up to date \n\n\n' };
    const keys = changedKeys(d, tidied);
    expect(keys).toEqual(['importNotes']);
    expect(await patchBody(tidied, action, keys, {} as never)).toEqual({
      version: 4,
      unplaced: ['Keep the HR dashboard up to date'],
    });
    expect(
      (await patchBody({ ...d, importNotes: '' }, action, ['importNotes'], {} as never)).unplaced,
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readStatusOf } from './kind.js';

/**
 * Councils' own status scales for trackers that rate no colour: an audit follow-up ("Partly
 * implemented", "Not implemented"), a key action plan ("Pending"), an exception report that counts the
 * lateness ("Up to one month behind" amber, "More than one month behind" red) or gives a new date
 * ("Reprogrammed"). Each is read as a reader rates it, with a note saying why.
 */
describe('status scales of audit trackers and exception reports', () => {
  it.each([
    ['Partly implemented', 'on-track'],
    ['Partially implemented', 'on-track'],
    ['Not implemented', 'not-started'],
    ['Pending', 'not-started'],
    ['Up to one month behind', 'at-risk'],
    ['One month behind', 'at-risk'],
    ['More than one month behind', 'off-track'],
    ['Over one month behind', 'off-track'],
    ['Three months late', 'off-track'],
    ['Reprogrammed', 'on-track'],
    ['Revised date agreed', 'on-track'],
    ['Suspended', 'at-risk'],
    ['Deleted', 'cancelled'],
  ])('reads "%s" as %s, saying why', (text, status) => {
    const read = readStatusOf(text);
    expect(read?.status).toBe(status);
    expect(read?.assumed).toBeTruthy();
  });

  it('leaves a sentence about lateness for a person', () => {
    expect(readStatusOf('One month behind because the supplier went into administration')).toBeUndefined();
  });
});

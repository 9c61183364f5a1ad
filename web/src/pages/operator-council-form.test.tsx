import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api.js';
import { councilFormErrors } from './operator-council-form.js';

describe('adding a council that fails', () => {
  it('on the service’s side, says that sending the same details again finishes it', () => {
    const { fields, form } = councilFormErrors(new ApiError(500, 'internal', 'Something went wrong'));
    expect(fields).toEqual({});
    expect(form).toMatch(/Nothing you entered is lost: select “Add council” again to finish it/);
  });

  it('for an id in use, says so beside the id', () => {
    const taken = new ApiError(409, 'conflict', 'A council with the id "harrow" already exists');
    expect(councilFormErrors(taken)).toEqual({
      fields: { id: 'A council with the id "harrow" already exists' },
    });
  });
});

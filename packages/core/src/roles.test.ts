import { describe, expect, it } from 'vitest';
import { parseGroups, roleAtLeast } from './roles.js';

describe('roles', () => {
  it('orders admin > editor > contributor > viewer', () => {
    expect(roleAtLeast('admin', 'editor')).toBe(true);
    expect(roleAtLeast('contributor', 'editor')).toBe(false);
    expect(roleAtLeast('viewer', 'viewer')).toBe(true);
  });

  it('reads council and partnership groups, ignoring anything malformed', () => {
    const g = parseGroups([
      'council:harrow:viewer',
      'council:harrow:editor',
      'council:kent:superuser',
      'council:Bad Id:admin',
      'partnership:hr-shared-service:partner-reader',
      'partnership:x:admin',
      'admins',
    ]);
    expect(g.councils).toEqual({ harrow: 'editor' });
    expect(g.partnerships).toEqual({ 'hr-shared-service': 'partner-reader' });
  });
});

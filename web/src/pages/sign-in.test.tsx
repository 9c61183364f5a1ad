import { describe, expect, it } from 'vitest';
import { groupUsers } from './sign-in.js';

describe('groupUsers', () => {
  const wendy = { email: 'wendy@wyvern.gov.uk', name: 'Wendy Marsh', groups: ['council:wyvern:admin'] };

  it('heads a council added since by its name from the directory, not its id', () => {
    const [g] = groupUsers([wendy], { wyvern: 'Wyvern District Council' });
    expect(g).toMatchObject({ heading: 'Wyvern District Council', users: [{ label: 'Wendy Marsh, admin' }] });
  });

  it('falls back to the name a demo user gives, then to the id', () => {
    const demo = {
      email: 'admin@kent.demo',
      name: 'Admin (Kent County Council)',
      groups: ['council:kent:admin'],
    };
    expect(groupUsers([demo]).map((g) => g.heading)).toEqual(['Kent County Council']);
    expect(groupUsers([wendy]).map((g) => g.heading)).toEqual(['Council: wyvern']);
  });
});

import { describe, expect, it } from 'vitest';
import { readInviteList } from './invite-list.js';

const members = [{ email: 'Ed.Ellis@wyvern.gov.uk', role: 'admin' }];
const read = (text: string, defaultRole?: 'contributor' | 'viewer') =>
  readInviteList(text, { members, ...(defaultRole ? { defaultRole } : {}) });

describe('a pasted list of people to invite', () => {
  it('reads a spreadsheet copied with its header, whatever the columns’ order, and leaves a job title out of the name', () => {
    const { rows } = read(
      [
        'Email\tFirst name\tSurname\tJob title\tRole',
        'jo.bloggs@wyvern.gov.uk\tJo\tBloggs\tHead of HR\tEditor',
        'sam.smith@wyvern.gov.uk\tSam\tSmith\tOD Lead\tcontributors',
        '',
        'cllr.jones@wyvern.gov.uk\tPat\tJones\tCouncillor\tViewer',
      ].join('\n'),
    );
    expect(rows).toEqual([
      { row: 2, name: 'Jo Bloggs', email: 'jo.bloggs@wyvern.gov.uk', role: 'editor' },
      { row: 3, name: 'Sam Smith', email: 'sam.smith@wyvern.gov.uk', role: 'contributor' },
      { row: 4, name: 'Pat Jones', email: 'cllr.jones@wyvern.gov.uk', role: 'viewer' },
    ]);
  });

  it('reads CSV rows with no header by what the cells hold, the chosen role for rows that name none', () => {
    const { rows } = read(
      [
        '"Bloggs, Jo",jo.bloggs@wyvern.gov.uk',
        'admin, ann.admin@wyvern.gov.uk, Ann Admin',
        'lee@wyvern.gov.uk',
      ].join('\n'),
      'contributor',
    );
    expect(rows).toEqual([
      { row: 1, name: 'Jo Bloggs', email: 'jo.bloggs@wyvern.gov.uk', role: 'contributor', roleChosen: true },
      { row: 2, name: 'Ann Admin', email: 'ann.admin@wyvern.gov.uk', role: 'admin' },
      { row: 3, email: 'lee@wyvern.gov.uk', role: 'contributor', roleChosen: true },
    ]);
  });

  it('reads an email’s recipients, each one a person', () => {
    const { rows } = read(
      'Bloggs, Jo <jo.bloggs@wyvern.gov.uk>; "Sam Smith" <sam.smith@wyvern.gov.uk>;\nlee@wyvern.gov.uk',
      'viewer',
    );
    expect(rows.map((r) => [r.name, r.email, r.role])).toEqual([
      ['Jo Bloggs', 'jo.bloggs@wyvern.gov.uk', 'viewer'],
      ['Sam Smith', 'sam.smith@wyvern.gov.uk', 'viewer'],
      [undefined, 'lee@wyvern.gov.uk', 'viewer'],
    ]);
  });

  it('says why a row will not be invited, and invites a repeated address once', () => {
    const { rows } = read(
      [
        'Name,Email,Role',
        'Jo Bloggs,jo.bloggs@wyvern.gov.uk,Editor',
        'Jo B,JO.BLOGGS@wyvern.gov.uk,Editor',
        'Ed Ellis,ed.ellis@wyvern.gov.uk,Editor',
        'Sam Smith,sam.smith(at)wyvern.gov.uk,Editor',
        'Pat Jones,,Viewer',
        'Lee Lane,lee@wyvern.gov.uk,Manager',
        'Kim Kay,kim@wyvern.gov.uk,',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.row, r.problem])).toEqual([
      [2, undefined],
      [3, 'Also in row 2: invited once'],
      [4, 'Already a member (administrator)'],
      [5, 'No email address in this row'],
      [6, 'No email address in this row'],
      [7, '“Manager” is not a role: use administrator, editor, contributor or viewer'],
      [8, 'No role: choose one for rows that do not say'],
    ]);
  });

  it('knows a header by its words wherever they stand ("Work email", "PeoplePlan role")', () => {
    const { rows } = read('Full name,Work email,PeoplePlan role\nJo Bloggs,jo@wyvern.gov.uk,Viewer');
    expect(rows).toEqual([{ row: 2, name: 'Jo Bloggs', email: 'jo@wyvern.gov.uk', role: 'viewer' }]);
  });

  it('names a malformed address', () => {
    expect(read('Jo, jo@wyvern', 'viewer').rows[0]?.problem).toBe('“jo@wyvern” is not an email address');
  });

  it('keeps to 200 people and says there were more', () => {
    const list = Array.from({ length: 205 }, (_, i) => `p${i}@wyvern.gov.uk`).join('\n');
    const { rows, tooMany } = read(list, 'viewer');
    expect(rows).toHaveLength(200);
    expect(tooMany).toBe(true);
    expect(read('a@wyvern.gov.uk', 'viewer').tooMany).toBe(false);
  });
});

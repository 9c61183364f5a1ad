import type { CouncilRole } from '@peopleplan/core';
import Papa from 'papaparse';
import { looksLikeEmail } from './invite.js';
import { ROLE_LABELS } from './labels.js';

/** One person to invite, read from a row of a pasted list, or why that row will not be. */
export interface InviteRow {
  /** The row in the list as pasted (1-based, blank rows not counted), so problems can be found. */
  row: number;
  name?: string;
  email?: string;
  role?: CouncilRole;
  /** The role came from the choice for rows that do not say one. */
  roleChosen?: boolean;
  /** Why the row will not be invited; none when it is ready. */
  problem?: string;
}

/** Invitations are sent one after another from the browser, so a list is kept to a council team's size. */
export const MOST_INVITES = 200;

const ROLE_WORDS: Record<string, CouncilRole> = {
  admin: 'admin',
  administrator: 'admin',
  editor: 'editor',
  contributor: 'contributor',
  viewer: 'viewer',
  'read only': 'viewer',
  'read-only': 'viewer',
};
const ROLE_CHOICES = 'administrator, editor, contributor or viewer';

const roleOf = (cell: string): CouncilRole | undefined =>
  ROLE_WORDS[cell.trim().toLowerCase().replace(/s$/, '')];

/** "Jo Bloggs <jo.bloggs@council.gov.uk>", as an email's recipients are copied, or a bare address. */
function addressIn(cell: string): { email: string; name?: string } | undefined {
  if (!cell.includes('@')) return undefined;
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(cell);
  if (named) return { email: named[2]!.trim(), ...(named[1] ? { name: named[1].trim() } : {}) };
  return { email: cell.trim().replace(/^mailto:/i, '') };
}

/**
 * An email's recipients, copied from its To line: "Bloggs, Jo <jo@council.gov.uk>; Sam Smith
 * <sam@council.gov.uk>". The names' commas would split a CSV reading, so each recipient is a row.
 */
function recipientsIn(text: string): string[][] | undefined {
  if (text.includes('\t') || !/<[^<>\s]+@[^<>\s]+>/.test(text)) return undefined;
  return text
    .split(/[;\n]/)
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => [r]);
}

/** "Bloggs, Jo" (as an address book writes names) → "Jo Bloggs". */
const nameOf = (text: string) => {
  const parts = /^([^,]+),\s*([^,]+)$/.exec(text.trim());
  return (parts ? `${parts[2]} ${parts[1]}` : text).replace(/\s+/g, ' ').trim();
};

/** A header row's columns: which hold names (joined, "First name" before "Surname") and which the role. */
interface Columns {
  names: number[];
  role?: number;
}

function headerOf(cells: string[]): Columns | undefined {
  const words = cells.map((c) => c.trim().toLowerCase());
  if (!words.some((w) => /\be-?mail\b/.test(w))) return undefined;
  const names = words.flatMap((w, i) => (/\bname\b|^surname$|^forename$/.test(w) ? [i] : []));
  const role = words.findIndex((w) => /\b(role|access|permission)s?\b/.test(w));
  return { names, ...(role >= 0 ? { role } : {}) };
}

/**
 * The people in a list an administrator pasted: from a spreadsheet (tab-separated), a CSV file, or an
 * email's recipients ("Jo Bloggs <jo@council.gov.uk>; Sam Smith <sam@council.gov.uk>"). Each row is read
 * by what its cells hold, not their order: the cell with an address is the email, a role's name is the
 * role, and the rest is the name; a header row ("Name, Email, Role") says which columns are names and
 * which the role, so a job title column is not taken for a name. A row holding several addresses is a
 * person per address. Rows are not invited when their address is missing or malformed, is already a
 * member's, or was listed before; the API checks each invitation again as it is sent.
 */
export function readInviteList(
  text: string,
  opts: { defaultRole?: CouncilRole; members: ReadonlyArray<{ email: string; role: string }> },
): { rows: InviteRow[]; tooMany: boolean } {
  const table = recipientsIn(text) ?? Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' }).data;
  const memberRole = new Map(opts.members.map((m) => [m.email.toLowerCase(), m.role]));
  const seen = new Map<string, number>();
  const rows: InviteRow[] = [];
  let columns: Columns | undefined;
  table.forEach((raw, i) => {
    const cells = raw.map((c) => c.trim());
    if (!cells.some(Boolean)) return;
    const row = i + 1;
    const header = !columns && !cells.some((c) => c.includes('@')) ? headerOf(cells) : undefined;
    if (header) {
      columns = header;
      return;
    }
    for (const person of peopleIn(cells, columns)) {
      rows.push(checked({ row, ...person }, opts.defaultRole, memberRole, seen));
    }
  });
  return { rows: rows.slice(0, MOST_INVITES), tooMany: rows.length > MOST_INVITES };
}

interface Read {
  name?: string;
  email?: string;
  roleWord?: string;
  role?: CouncilRole;
}

function peopleIn(cells: string[], columns: Columns | undefined): Read[] {
  const addresses = cells.flatMap((c, i) => {
    const a = addressIn(c);
    return a ? [{ ...a, i }] : [];
  });
  const roleAt = columns?.role ?? cells.findIndex((c) => roleOf(c));
  const roleWord = roleAt >= 0 ? cells[roleAt] : undefined;
  const role = roleWord ? roleOf(roleWord) : undefined;
  const byRole = { ...(roleWord ? { roleWord } : {}), ...(role ? { role } : {}) };
  if (addresses.length > 1) return addresses.map(({ email, name }) => ({ email, name, ...byRole }));
  const address = addresses[0];
  const nameCells = columns?.names.length
    ? columns.names
    : cells.flatMap((c, i) => (i !== address?.i && i !== roleAt && c ? [i] : [])).slice(0, 1);
  const name =
    address?.name ??
    nameCells
      .map((i) => cells[i] ?? '')
      .filter(Boolean)
      .join(' ');
  return [
    { ...(address ? { email: address.email } : {}), ...(name ? { name: nameOf(name) } : {}), ...byRole },
  ];
}

function checked(
  r: Read & { row: number },
  defaultRole: CouncilRole | undefined,
  memberRole: Map<string, string>,
  seen: Map<string, number>,
): InviteRow {
  const role = r.role ?? (r.roleWord ? undefined : defaultRole);
  const out: InviteRow = {
    row: r.row,
    ...(r.name ? { name: r.name } : {}),
    ...(r.email ? { email: r.email } : {}),
    ...(role ? { role } : {}),
    ...(role && !r.role ? { roleChosen: true } : {}),
  };
  const problem = problemOf(r, role, memberRole, seen);
  if (problem) return { ...out, problem };
  seen.set(r.email!.toLowerCase(), r.row);
  return out;
}

function problemOf(
  r: Read & { row: number },
  role: CouncilRole | undefined,
  memberRole: Map<string, string>,
  seen: Map<string, number>,
): string | undefined {
  if (!r.email) return 'No email address in this row';
  if (!looksLikeEmail(r.email)) return `“${r.email}” is not an email address`;
  const key = r.email.toLowerCase();
  const member = memberRole.get(key);
  if (member) return `Already a member (${(ROLE_LABELS[member] ?? member).toLowerCase()})`;
  const before = seen.get(key);
  if (before) return `Also in row ${before}: invited once`;
  if (r.roleWord && !r.role) return `“${r.roleWord}” is not a role: use ${ROLE_CHOICES}`;
  if (!role) return 'No role: choose one for rows that do not say';
  return undefined;
}

import { cleanText, excerpt } from '../cells.js';
import { normalizeHeader, readHeaderRow } from '../header-mapping.js';
import type { ImportWarning, MappingOverride } from '../parsed-plan.js';
import { type SourceItem, startsTable, tableRows } from '../source.js';

type Row = Extract<SourceItem, { type: 'row' }>;

/**
 * A list exported from SharePoint or Microsoft Lists keeps its folders as rows of their own ("Item Type"
 * or "Content Type" = Folder, the folder's name as the title, no one assigned, no date), and says where
 * each item sits in a "Path" column ("sites/HR/Lists/People Plan/Recruitment"). Read as any table, the
 * folders were actions with no lead or date, and every item fell into one group.
 *
 * A folder row is no action: it is left out. In a table with no group column of its own, each item's
 * group is the last folder of its path below the list's own (the part every row's path shares), and its
 * rows are read under that group's heading, the groups in the order the list gives its folders. An item
 * at the list's top level has no group, as in the list.
 */
export function listFolders(
  items: SourceItem[],
  override?: MappingOverride,
): { items: SourceItem[]; warnings: ImportWarning[] } {
  const out: SourceItem[] = [];
  const warnings: ImportWarning[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const read = item.type === 'row' && startsTable(items, i) ? readList(items, i, override) : undefined;
    if (!read) {
      out.push(item);
      continue;
    }
    out.push(item, ...read.items);
    if (read.warning) warnings.push(read.warning);
    i += read.rows;
  }
  return { items: out, warnings };
}

/** The header's item-type and path columns. */
const TYPE_HEADER = /^(?:item|content)\s+type$/;
const PATH_HEADER = /^(?:(?:folder|item|file)\s+)?path$|^(?:parent\s+)?folder(?:\s+(?:name|path))?$/;
const FOLDER = /^folder$/i;

/**
 * The rows under the list's header at `i`, folders left out and items under their groups' headings;
 * `rows` is how many rows below the header that replaces. None when the table is no such list.
 */
function readList(
  items: SourceItem[],
  i: number,
  override: MappingOverride | undefined,
): { items: SourceItem[]; rows: number; warning?: ImportWarning } | undefined {
  const header = (items[i] as Row).cells.map(cleanText);
  const mapping = readHeaderRow(header, undefined, override);
  if (mapping?.kind !== 'actions') return undefined;
  const names = header.map(normalizeHeader);
  const typeCol = names.findIndex((n) => TYPE_HEADER.test(n));
  const pathCol = names.findIndex((n) => PATH_HEADER.test(n));
  const titleCol = mapping.columns.find((c) => c.field === 'title')?.index;
  const grouped = mapping.columns.some((c) => c.field === 'group');
  if (typeCol < 0 && (pathCol < 0 || grouped)) return undefined;
  const rows = tableRows(items, i + 1).filter((r) => r.table === (items[i] as Row).table);
  const cell = (r: Row, col: number) => (col < 0 ? '' : cleanText(r.cells[col] ?? ''));
  const isFolder = (r: Row) => FOLDER.test(cell(r, typeCol));
  const folders = rows.filter(isFolder);
  const entries = rows.filter((r) => !isFolder(r));
  const segments = (r: Row) =>
    cell(r, pathCol)
      .split(/[\\/]/)
      .map((s) => s.trim())
      .filter(Boolean);
  // The list's own path: what every row's path shares; a folder row's path is where the folder sits.
  const paths = pathCol < 0 ? [] : rows.map(segments).filter((p) => p.length);
  const root = paths.length ? commonPrefix(paths) : [];
  const groupOf = (r: Row) => {
    const p = segments(r);
    return !grouped && pathCol >= 0 && p.length > root.length ? p.at(-1) : undefined;
  };
  const groups = [...new Set(entries.map(groupOf).filter((g): g is string => !!g))];
  if (folders.length === 0 && groups.length === 0) return undefined;
  // The groups in the order the list gives its folders, then any it does not list.
  const folderNames = folders.map((r) => (titleCol === undefined ? '' : cell(r, titleCol))).filter(Boolean);
  const ordered = [
    ...folderNames.filter((n) => groups.includes(n)),
    ...groups.filter((g) => !folderNames.includes(g)),
  ];
  const out: SourceItem[] = entries.filter((r) => !groupOf(r));
  for (const g of ordered) {
    const members = entries.filter((r) => groupOf(r) === g);
    out.push({ type: 'heading', text: g, line: members[0]!.line }, ...members);
  }
  const named = ordered
    .slice(0, 4)
    .map((g) => `"${excerpt(g, 40)}"`)
    .join(', ');
  const more = ordered.length > 4 ? ` and ${ordered.length - 4} more` : '';
  const folderRows = `The list's ${folders.length} folder row${folders.length === 1 ? ' is' : 's are'} not actions`;
  const byPath = `each item is under the folder its "${header[pathCol]}" names, as its group (${named}${more})`;
  const message = !ordered.length
    ? `${folderRows}: left out.`
    : folders.length
      ? `${folderRows}: ${byPath}.`
      : `${byPath[0]!.toUpperCase()}${byPath.slice(1)}.`;
  return {
    items: out,
    rows: rows.length,
    warning: { code: 'list-folders', message, where: 'plan' },
  };
}

function commonPrefix(paths: string[][]): string[] {
  const first = paths[0]!;
  let n = first.length;
  for (const p of paths) {
    let k = 0;
    while (k < n && k < p.length && p[k]!.toLowerCase() === first[k]!.toLowerCase()) k++;
    n = k;
  }
  return first.slice(0, n);
}

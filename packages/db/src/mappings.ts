import { createHash } from 'node:crypto';
import { notFound, unprocessable } from '@peopleplan/core';
import type { ReadConsistency } from './consistency.js';
import { sk } from './keys.js';
import type { TenantStore } from './store.js';
import { firstVersion, nextVersion, type VersionStamp } from './versioning.js';

/** A column mapping a council saved by name: each column heading as written → what it is read as. */
export interface ImportMapping extends VersionStamp {
  id: string;
  name: string;
  columns: Record<string, string>;
  createdBy: string;
}

/**
 * As stored: the headings as values in a list of pairs, never as a map's keys, so that no heading ("",
 * "constructor", "__proto__") can stand for something of the map or the object it is read into. A
 * mapping saved before holds a map (`columns: { heading: field }`) and is read as it is.
 */
type StoredMapping = Omit<ImportMapping, 'columns'> & {
  columns: Array<{ heading: string; field: string }> | Record<string, string>;
};

const stored = (m: ImportMapping): StoredMapping => ({
  ...m,
  columns: Object.entries(m.columns).map(([heading, field]) => ({ heading, field })),
});

const read = (m: StoredMapping): ImportMapping => ({
  ...m,
  // Object.fromEntries defines each heading as the result's own property, whatever it is called.
  columns: Array.isArray(m.columns)
    ? Object.fromEntries(m.columns.map((c) => [c.heading, c.field]))
    : m.columns,
});

/** Enough for every kind of plan a council keeps; a list a person can still read through. */
export const MAX_SAVED_MAPPINGS = 50;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The id of a mapping follows from its name (case and spacing aside), so saving under a name already
 * used replaces that mapping instead of adding a second one, even when two saves race. It has the
 * shape of every other item id, so the route checks it with the same pattern.
 */
export function mappingId(councilId: string, name: string): string {
  const digest = createHash('sha256')
    .update(`${councilId}|${nameKey(name)}`)
    .digest();
  let id = '';
  for (let i = 0; i < 26; i++) id += CROCKFORD[digest[i]! % 32];
  return id;
}

/**
 * Saved column mappings of one council (`MAPPING#<id>`): list, save (create or replace), delete. Loaded
 * with the first request about them, not at a cold start (docs/architecture.md, section 9).
 */
export class MappingsRepo {
  constructor(private readonly store: TenantStore) {}

  async list(consistency?: ReadConsistency): Promise<ImportMapping[]> {
    const items = await this.store.queryAll<StoredMapping>('MAPPING#', {
      types: ['import-mapping'],
      ...consistency,
    });
    return items.map(({ type: _t, ...m }) => read(m)).sort((a, b) => a.name.localeCompare(b.name));
  }

  private async stored(id: string): Promise<StoredMapping | undefined> {
    return this.store.get<StoredMapping>(sk.importMapping(id));
  }

  /** Saves under `name`: a new mapping, or a new version of the one with that name. */
  async save(
    name: string,
    columns: Record<string, string>,
  ): Promise<{ mapping: ImportMapping; created: boolean }> {
    const id = mappingId(this.store.ctx.councilId, name);
    const before = await this.stored(id);
    if (!before) {
      const count = (await this.list()).length;
      if (count >= MAX_SAVED_MAPPINGS) {
        throw unprocessable(
          `This council has ${count} saved column mappings, the most it can keep: delete one it no longer uses first.`,
        );
      }
      const mapping: ImportMapping = {
        id,
        name: name.trim(),
        columns,
        createdBy: this.store.ctx.actor.name,
        ...firstVersion(),
      };
      const after = stored(mapping);
      await this.store.transact(
        [this.store.putNew(sk.importMapping(id), 'import-mapping', after)],
        [{ operation: 'create', entityType: 'import-mapping', entityId: id, after }],
        'saved column mapping',
      );
      return { mapping, created: true };
    }
    const after = stored(nextVersion(read(before), { name: name.trim(), columns }));
    await this.store.transact(
      [this.store.putVersioned(sk.importMapping(id), 'import-mapping', after, before.version)],
      [{ operation: 'update', entityType: 'import-mapping', entityId: id, before, after }],
      'saved column mapping',
    );
    return { mapping: read(after), created: false };
  }

  async remove(id: string): Promise<ImportMapping> {
    const before = await this.stored(id);
    if (!before) throw notFound('Saved column mapping');
    await this.store.transact(
      [this.store.deleteVersioned(sk.importMapping(id), before.version)],
      [{ operation: 'delete', entityType: 'import-mapping', entityId: id, before }],
      'saved column mapping',
    );
    return read(before);
  }
}

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

/** Saved column mappings of one council (`MAPPING#<id>`): list, save (create or replace), delete. */
export class MappingsRepo {
  constructor(private readonly store: TenantStore) {}

  async list(read?: ReadConsistency): Promise<ImportMapping[]> {
    const items = await this.store.queryAll<ImportMapping>('MAPPING#', {
      types: ['import-mapping'],
      ...read,
    });
    return items.map(({ type: _t, ...m }) => m as ImportMapping).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<ImportMapping> {
    const m = await this.store.get<ImportMapping>(sk.importMapping(id));
    if (!m) throw notFound('Saved column mapping');
    return m;
  }

  /** Saves under `name`: a new mapping, or a new version of the one with that name. */
  async save(
    name: string,
    columns: Record<string, string>,
  ): Promise<{ mapping: ImportMapping; created: boolean }> {
    const id = mappingId(this.store.ctx.councilId, name);
    const before = await this.store.get<ImportMapping>(sk.importMapping(id));
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
      await this.store.transact(
        [this.store.putNew(sk.importMapping(id), 'import-mapping', mapping)],
        [{ operation: 'create', entityType: 'import-mapping', entityId: id, after: mapping }],
        'saved column mapping',
      );
      return { mapping, created: true };
    }
    const after = nextVersion(before, { name: name.trim(), columns });
    await this.store.transact(
      [this.store.putVersioned(sk.importMapping(id), 'import-mapping', after, before.version)],
      [{ operation: 'update', entityType: 'import-mapping', entityId: id, before, after }],
      'saved column mapping',
    );
    return { mapping: after, created: false };
  }

  async remove(id: string): Promise<ImportMapping> {
    const before = await this.get(id);
    await this.store.transact(
      [this.store.deleteVersioned(sk.importMapping(id), before.version)],
      [{ operation: 'delete', entityType: 'import-mapping', entityId: id, before }],
      'saved column mapping',
    );
    return before;
  }
}

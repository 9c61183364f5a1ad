import {
  notFound,
  type Person,
  type PersonCreate,
  type PersonPatch,
  personSearchDoc,
} from '@peopleplan/core';
import { newId } from './ids.js';
import { ImportsRepo } from './imports.js';
import { sk } from './keys.js';
import { searchWrites } from './search-index.js';
import { entityOf, type Item, type TenantStore } from './store.js';
import { firstVersion, patchedVersion } from './versioning.js';

export class PeopleRepo {
  constructor(private readonly store: TenantStore) {}

  async list(): Promise<Person[]> {
    const raw = await this.store.queryAllRaw('PERSON#', ['person']);
    const visible = await this.visible(raw);
    return raw
      .filter(visible)
      .map((i) => entityOf<Person>(i))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<Person> {
    const raw = await this.store.getRaw(sk.person(id));
    if (!raw || !(await this.visible([raw]))(raw)) throw notFound('Person');
    return entityOf<Person>(raw);
  }

  /** People an import is still committing are not in the directory yet (imports.ts). */
  private async visible(items: Item[]): Promise<(i: Item) => boolean> {
    const pending = items.flatMap((i) => (typeof i.importId === 'string' ? [i.importId] : []));
    const committed = await new ImportsRepo(this.store).committed(pending);
    return (i) => typeof i.importId !== 'string' || committed.has(i.importId);
  }

  newPerson(input: PersonCreate & { unresolved?: boolean }): Person {
    return {
      ...input,
      id: newId(),
      councilId: this.store.ctx.councilId,
      unresolved: input.unresolved ?? false,
      alertPreferences: { frequency: 'immediate', dueSoon: true },
      ...firstVersion(),
    };
  }

  async create(input: PersonCreate & { unresolved?: boolean }): Promise<Person> {
    const person = this.newPerson(input);
    await this.store.transact(
      [
        this.store.putNew(sk.person(person.id), 'person', person),
        ...searchWrites(this.store, [personSearchDoc(person)]),
      ],
      [{ operation: 'create', entityType: 'person', entityId: person.id, after: person }],
      'person',
    );
    return person;
  }

  async update(id: string, patch: PersonPatch): Promise<Person> {
    const before = await this.get(id);
    const after = patchedVersion(before, patch);
    await this.store.transact(
      [
        this.store.putVersioned(sk.person(id), 'person', after, patch.version),
        ...searchWrites(this.store, [personSearchDoc(after)], [personSearchDoc(before)]),
      ],
      [{ operation: 'update', entityType: 'person', entityId: id, before, after }],
      'person',
    );
    return after;
  }
}

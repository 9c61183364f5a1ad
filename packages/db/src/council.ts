import { type Council, type CouncilSettingsPatch, notFound } from '@peopleplan/core';
import { sk } from './keys.js';
import type { TenantStore } from './store.js';
import { patchedVersion } from './versioning.js';

export class CouncilRepo {
  constructor(private readonly store: TenantStore) {}

  async get(): Promise<Council> {
    const c = await this.store.get<Council>(sk.council());
    if (!c) throw notFound('Council');
    return c;
  }

  async updateSettings(patch: CouncilSettingsPatch): Promise<Council> {
    const before = await this.get();
    const after = patchedVersion(before, patch);
    await this.store.transact(
      [this.store.putVersioned(sk.council(), 'council', after, patch.version)],
      [{ operation: 'update', entityType: 'council', entityId: before.id, before, after }],
      'council settings',
    );
    return after;
  }
}

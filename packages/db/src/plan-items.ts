import {
  type ContinuityCreate,
  type ContinuityFunction,
  type ContinuityPatch,
  type Decision,
  type DecisionCreate,
  type DecisionPatch,
  type Indicator,
  type IndicatorCreate,
  type IndicatorPatch,
  notFound,
  type Risk,
  type RiskCreate,
  type RiskPatch,
} from '@peopleplan/core';
import type { ReadConsistency } from './consistency.js';
import { newId } from './ids.js';
import { type PlanItemKind, sk } from './keys.js';
import type { TenantStore } from './store.js';
import { firstVersion, patchedVersion, type VersionStamp } from './versioning.js';

type Stored = VersionStamp & { id: string; planId: string };

/**
 * Plan-scoped records addressed through their plan (indicators, risks, continuity functions and
 * decisions; dependencies arrive through import): one generic repository, one instance per kind.
 */
export class PlanItemsRepo<T extends Stored, C extends object, P extends { version: number }> {
  constructor(
    private readonly store: TenantStore,
    private readonly kind: PlanItemKind,
    private readonly type: string,
    private readonly label: string,
  ) {}

  async list(planId: string, read?: ReadConsistency): Promise<T[]> {
    if (!(await this.store.getRaw(sk.plan(planId), read))) throw notFound('Plan');
    const items = await this.store.queryAll<T>(`${sk.planChildren(planId)}${this.kind}#`, {
      types: [this.type],
      ...read,
    });
    return items.map(({ type: _t, ...i }) => i as unknown as T);
  }

  async get(planId: string, id: string): Promise<T> {
    const item = await this.store.get<T>(sk.planItem(planId, this.kind, id));
    if (!item) throw notFound(this.label);
    return item;
  }

  build(planId: string, input: C): T {
    return { ...input, id: newId(), planId, ...firstVersion() } as unknown as T;
  }

  putItem(item: T) {
    return this.store.putNew(sk.planItem(item.planId, this.kind, item.id), this.type, item);
  }

  async create(planId: string, input: C): Promise<T> {
    // An unknown plan is a 404; the check inside the transaction catches one archived meanwhile (409).
    if (!(await this.store.getRaw(sk.plan(planId)))) throw notFound('Plan');
    const item = this.build(planId, input);
    await this.store.transact(
      [this.store.conditionPlanWritable(planId), this.putItem(item)],
      [{ operation: 'create', entityType: this.type, entityId: item.id, planId, after: item }],
      'plan',
    );
    return item;
  }

  async update(planId: string, id: string, patch: P): Promise<T> {
    const before = await this.get(planId, id);
    const after = patchedVersion(before, patch as Record<string, unknown>);
    await this.store.transact(
      [
        this.store.conditionPlanWritable(planId),
        this.store.putVersioned(sk.planItem(planId, this.kind, id), this.type, after, patch.version),
      ],
      [{ operation: 'update', entityType: this.type, entityId: id, planId, before, after }],
      this.label.toLowerCase(),
    );
    return after;
  }

  /**
   * Removes a record (a risk an import read wrongly, a decision entered twice): only at the version the
   * person saw, and the audit trail keeps what it held.
   */
  async remove(planId: string, id: string, version: number): Promise<void> {
    const before = await this.get(planId, id);
    await this.store.transact(
      [
        this.store.conditionPlanWritable(planId),
        this.store.deleteVersioned(sk.planItem(planId, this.kind, id), version),
      ],
      [{ operation: 'delete', entityType: this.type, entityId: id, planId, before }],
      this.label.toLowerCase(),
    );
  }
}

export const indicatorsRepo = (store: TenantStore) =>
  new PlanItemsRepo<Indicator, IndicatorCreate, IndicatorPatch>(store, 'PI', 'indicator', 'Indicator');
export const risksRepo = (store: TenantStore) =>
  new PlanItemsRepo<Risk, RiskCreate, RiskPatch>(store, 'RISK', 'risk', 'Risk');
export const continuityRepo = (store: TenantStore) =>
  new PlanItemsRepo<ContinuityFunction, ContinuityCreate, ContinuityPatch>(
    store,
    'BC',
    'continuity',
    'Continuity function',
  );
export const decisionsRepo = (store: TenantStore) =>
  new PlanItemsRepo<Decision, DecisionCreate, DecisionPatch>(store, 'DEC', 'decision', 'Decision');

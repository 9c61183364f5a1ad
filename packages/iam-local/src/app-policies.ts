/**
 * The app's roles as the evaluator uses them: looked up by stable name or ARN, with their policies
 * validated once (iam-simulate would otherwise re-validate every policy on every request).
 */
import {
  createValidatedPolicy,
  validateIdentityPolicy,
  validateTrustPolicy,
} from '@cloud-copilot/iam-policy';
import type { SimulationIdentityPolicy } from '@cloud-copilot/iam-simulate';
import type { AppPolicySet, RoleRecord, TableRecord } from './app-roles.js';
import type { TableSchema } from './dynamodb-requests.js';
import { type LoadPoliciesOptions, loadPolicySet } from './policy-cache.js';

/** The roles the app uses by name; any other role of the templates is reachable by its derived name. */
export type RoleName =
  | 'tenant'
  | 'partner-reader'
  | 'api'
  | 'documents'
  | 'alerts'
  | 'bounces'
  | 'notifier'
  | 'schedule'
  | (string & {});

/** Distinct decisions remembered per AppPolicies (a test run repeats the same few requests many times). */
const MEMO_LIMIT = 10_000;

export class AppPolicies {
  private readonly memo = new Map<string, unknown>();
  private readonly identity = new Map<string, SimulationIdentityPolicy[]>();
  private readonly trust = new Map<string, unknown>();
  /** Lower-cased condition keys any policy of the app uses (so costly context keys are computed only if read). */
  readonly conditionKeys: ReadonlySet<string>;

  /**
   * @param options.memoize remember decisions by their complete input (role, session, tags, action,
   *   resource, context keys): policies never change within an instance and no policy reads a clock, so
   *   an identical request always gets the identical decision. Off to measure the simulator itself.
   */
  constructor(
    readonly set: AppPolicySet,
    private readonly options: { memoize?: boolean } = {},
  ) {
    const keys = new Set<string>();
    for (const role of Object.values(set.roles)) {
      for (const p of [role.trustPolicy, ...role.identityPolicies.map((x) => x.document)]) {
        for (const s of p.Statement) collectConditionKeys(s, keys);
      }
    }
    this.conditionKeys = keys;
  }

  /** The remembered value for `key`, or `compute()`'s (remembered when memoizing). */
  async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.options.memoize === false) return compute();
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = await compute();
    if (this.memo.size >= MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(key, value);
    return value;
  }

  get account(): string {
    return this.set.account;
  }

  get region(): string {
    return this.set.region;
  }

  roleNames(): string[] {
    return Object.keys(this.set.roles).sort();
  }

  role(name: RoleName): RoleRecord {
    const r = this.set.roles[name];
    if (!r)
      throw new Error(`No role named ${JSON.stringify(name)}; the app has: ${this.roleNames().join(', ')}`);
    return r;
  }

  roleByArn(arn: string): RoleRecord | undefined {
    return Object.values(this.set.roles).find((r) => r.arn === arn);
  }

  /** The app's table (there is one); requests under any table name are evaluated as that table. */
  table(): TableRecord {
    const [only, ...more] = this.set.tables;
    if (!only || more.length > 0)
      throw new Error(`Expected one DynamoDB table, found ${this.set.tables.length}`);
    return only;
  }

  tableSchema(): TableSchema {
    const t = this.table();
    return { arn: t.arn, partitionKey: t.partitionKey, indexes: t.indexes };
  }

  identityPolicies(name: RoleName): SimulationIdentityPolicy[] {
    let v = this.identity.get(name);
    if (!v) {
      v = this.role(name).identityPolicies.map((p) => ({
        name: p.name,
        policy: createValidatedPolicy(p.document, validateIdentityPolicy, { name: p.name }),
      }));
      this.identity.set(name, v);
    }
    return v;
  }

  trustPolicy(name: RoleName): unknown {
    let v = this.trust.get(name);
    if (!v) {
      const r = this.role(name);
      v = createValidatedPolicy(r.trustPolicy, validateTrustPolicy, { name: `${r.constructPath} trust` });
      this.trust.set(name, v);
    }
    return v;
  }
}

function collectConditionKeys(statement: unknown, into: Set<string>): void {
  const condition = (statement as { Condition?: Record<string, Record<string, unknown>> }).Condition;
  for (const block of Object.values(condition ?? {}))
    for (const k of Object.keys(block)) into.add(k.toLowerCase());
}

const loaded = new Map<string, Promise<AppPolicies>>();

/** The app's policies (synthesised once and cached on disk; memoised in this process). */
export function loadAppPolicies(options: LoadPoliciesOptions = {}): Promise<AppPolicies> {
  const key = `${options.cacheDir ?? ''}|${options.refresh ?? false}`;
  let p = loaded.get(key);
  if (!p) {
    p = loadPolicySet(options).then((c) => new AppPolicies(c.policies));
    p.catch(() => loaded.delete(key));
    loaded.set(key, p);
  }
  return p;
}

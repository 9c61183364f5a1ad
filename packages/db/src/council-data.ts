import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '@peopleplan/core';
import { ActionsRepo } from './actions.js';
import { BoardsRepo } from './boards.js';
import { ConsentRepo } from './consents.js';
import { CouncilRepo } from './council.js';
import { HistoryRepo } from './history.js';
import { MembersRepo } from './members.js';
import { MilestonesRepo } from './milestones.js';
import { PeopleRepo } from './people.js';
import { continuityRepo, decisionsRepo, indicatorsRepo, risksRepo } from './plan-items.js';
import { PlansRepo } from './plans.js';
import { SnapshotsRepo } from './snapshots.js';
import { type Page, TenantStore } from './store.js';
import type { TenantContext } from './tenant.js';
import { UpdatesRepo } from './updates.js';

/** Everything one council's request may touch, bound to its TenantContext. */
export class CouncilData {
  readonly store: TenantStore;
  readonly council: CouncilRepo;
  readonly people: PeopleRepo;
  readonly members: MembersRepo;
  readonly plans: PlansRepo;
  readonly actions: ActionsRepo;
  readonly milestones: MilestonesRepo;
  readonly updates: UpdatesRepo;
  readonly indicators: ReturnType<typeof indicatorsRepo>;
  readonly risks: ReturnType<typeof risksRepo>;
  readonly continuity: ReturnType<typeof continuityRepo>;
  readonly decisions: ReturnType<typeof decisionsRepo>;
  readonly snapshots: SnapshotsRepo;
  readonly boards: BoardsRepo;
  /** This council's consents to share with partnerships (kept in its own partition). */
  readonly consents: ConsentRepo;
  /** Each item's history and the audit trail, filtered. */
  readonly history: HistoryRepo;

  constructor(doc: DynamoDBDocumentClient, tableName: string, ctx: TenantContext) {
    this.store = new TenantStore(doc, tableName, ctx);
    this.council = new CouncilRepo(this.store);
    this.people = new PeopleRepo(this.store);
    this.members = new MembersRepo(this.store);
    this.plans = new PlansRepo(this.store);
    this.actions = new ActionsRepo(this.store);
    this.milestones = new MilestonesRepo(this.store, this.actions);
    this.updates = new UpdatesRepo(this.store, this.actions, this.plans, this.council);
    this.indicators = indicatorsRepo(this.store);
    this.risks = risksRepo(this.store);
    this.continuity = continuityRepo(this.store);
    this.decisions = decisionsRepo(this.store);
    this.snapshots = new SnapshotsRepo(this.store);
    this.boards = new BoardsRepo(this.store);
    this.consents = new ConsentRepo(this.store);
    this.history = new HistoryRepo(this.store);
  }

  get ctx(): TenantContext {
    return this.store.ctx;
  }

  async audit(opts: { cursor?: string; limit?: number } = {}): Promise<Page<AuditEvent>> {
    return this.store.queryPage<AuditEvent>('AUDIT#', { ...opts, newestFirst: true });
  }
}

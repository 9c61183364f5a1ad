import {
  type Action,
  badRequest,
  type ContinuityFunction,
  canMovePlan,
  compareRefs,
  conflict,
  type Decision,
  type Dependency,
  type Indicator,
  londonToday,
  type Milestone,
  notFound,
  nounInSentence,
  PLAN_STATUS_MOVES,
  type Plan,
  type PlanCreate,
  type PlanPatch,
  type ProgressUpdate,
  planArchived,
  planSearchDoc,
  type Risk,
  type Theme,
  type ThemeCreate,
  type ThemeOrder,
  type ThemePatch,
  themeNounOf,
  themeSearchDoc,
} from '@peopleplan/core';
import { boardShardItems } from './boards.js';
import type { ReadConsistency } from './consistency.js';
import { newId } from './ids.js';
import { planIndexAttributes, sk } from './keys.js';
import { assertReferences, ownerReferences } from './references.js';
import { SearchIndexRepo, searchChanges, searchWrites } from './search-index.js';
import { entityOf, MAX_TRANSACTION_ITEMS, type Page, type TenantStore, type TransactItem } from './store.js';
import { markUnchanged, THEME_MARK } from './theme-marks.js';
import { firstVersion, patchedVersion } from './versioning.js';

/** One plan read whole (without progress history): what the plan page, dashboard and reports need. */
export interface PlanTree {
  plan: Plan;
  themes: Theme[];
  actions: Action[];
  milestones: Milestone[];
  indicators: Indicator[];
  risks: Risk[];
  continuity: ContinuityFunction[];
  decisions: Decision[];
  dependencies: Dependency[];
}

const TREE_TYPES = [
  'section',
  'theme',
  'action',
  'milestone',
  'indicator',
  'risk',
  'continuity',
  'decision',
  'dependency',
];

const byOrder = (a: { order: number; ref: string }, b: { order: number; ref: string }) =>
  a.order - b.order || compareRefs(a.ref, b.ref);

/** The attributes of a summary read (`summaries`). */
const SUMMARY_ATTRIBUTES = [
  'id',
  'planId',
  'actionId',
  'themeId',
  'parentId',
  'ref',
  'title',
  'order',
  'leads',
  'start',
  'due',
  'baselineDue',
  'completedOn',
  'status',
  'rag',
  'ragOverride',
  'latestUpdate.at',
  'latestUpdate.status',
  'version',
  'createdAt',
  'updatedAt',
] as const;

function assertMayChange(before: Plan, patch: PlanPatch): void {
  if (patch.status && !canMovePlan(before.status, patch.status)) {
    const can = PLAN_STATUS_MOVES[before.status];
    const next = can.length ? `it can become ${can.join(' or ')}` : 'its status does not change';
    const archive = patch.status === 'archived' ? ' (administrators archive plans)' : '';
    throw badRequest(`A ${before.status} plan cannot become ${patch.status}`, [
      { path: 'status', message: `a ${before.status} plan: ${next}${archive}` },
    ]);
  }
}

/**
 * An emptied word for the plan's groups means its kind's word again: the field is removed (`null` in a
 * patch), never kept as '' for every page and report to tell apart from a word.
 */
const nounCleared = (patch: PlanPatch): Record<string, unknown> =>
  patch.themeNoun !== undefined && !patch.themeNoun.trim() ? { ...patch, themeNoun: null } : patch;

/** A narrative section as stored: its place in the plan, and the section itself. */
type StoredSection = Plan['sections'][number] & { n: number };

/** The header as stored: sections live in items of their own. */
export function headerOf(plan: Plan): Plan {
  const { sections: _s, ...header } = plan;
  return header as Plan;
}

/** One item per section, `PLAN#<p>#SECTION#<n>`: a plan's narrative never pushes its header near the limit. */
export function sectionPuts(store: TenantStore, plan: Plan) {
  return plan.sections.map((section, n) => store.put(sk.section(plan.id, n), 'section', { ...section, n }));
}

/** The plan with its sections; a plan saved before sections had items of their own keeps its inline ones. */
function withSections(header: Plan, stored: StoredSection[]): Plan {
  if (!stored.length) return { ...header, sections: header.sections ?? [] };
  return { ...header, sections: stored.map(({ n: _n, ...section }) => section) };
}

export class PlansRepo {
  constructor(private readonly store: TenantStore) {}

  async list(opts: { cursor?: string; limit?: number } = {}): Promise<Page<Plan>> {
    return this.store.queryCouncilIndex<Plan>('PLAN#', 'PLAN#~', opts);
  }

  /** Every plan of the council, following the pages (dashboards, feeds, partnership views). */
  async listAll(): Promise<Plan[]> {
    const out: Plan[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit: 200, ...(cursor ? { cursor } : {}) });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  /** The plan header with its sections (each in an item of its own: they may be long). */
  async get(planId: string, read?: ReadConsistency): Promise<Plan> {
    const [plan, sections] = await Promise.all([this.header(planId, read), this.sections(planId, read)]);
    return withSections(plan, sections);
  }

  /** The header alone: everything but the narrative sections. */
  async header(planId: string, read?: ReadConsistency): Promise<Plan> {
    const plan = await this.store.get<Plan>(sk.plan(planId), read);
    if (!plan) throw notFound('Plan');
    return plan;
  }

  private async sections(planId: string, read?: ReadConsistency): Promise<StoredSection[]> {
    const stored = await this.store.queryAll<StoredSection>(sk.sectionPrefix(planId), {
      types: ['section'],
      ...read,
    });
    return stored.sort((a, b) => a.n - b.n);
  }

  async create(input: PlanCreate): Promise<{ plan: Plan; themes: Theme[] }> {
    const named = await assertReferences(this.store, ownerReferences(input.ownerPersonId));
    const { themes: themeInputs, themeNoun, ...fields } = input;
    const plan: Plan = {
      ...fields,
      ...(themeNoun?.trim() ? { themeNoun } : {}),
      id: newId(),
      councilId: this.store.ctx.councilId,
      ...(fields.status === 'active' ? { activatedOn: londonToday() } : {}),
      unplaced: [],
      ...firstVersion(),
    };
    const themes = themeInputs.map((t, order) => this.newTheme(plan.id, t, order));
    const items = [
      ...named,
      ...sectionPuts(this.store, plan),
      this.store.putNew(
        sk.plan(plan.id),
        'plan',
        headerOf(plan),
        planIndexAttributes(plan.councilId, plan.id),
      ),
      ...themes.map((t) => this.store.putNew(sk.theme(plan.id, t.id), 'theme', t)),
      ...boardShardItems(plan.id, [], []).map((b) => this.store.putNew(b.sortKey, 'board', b.item)),
    ];
    // The themes' search entries go first when they would not fit the transaction: until the plan's
    // own entry lands (below, with the plan), search does not show them (search-index.ts).
    let search = searchWrites(this.store, [planSearchDoc(plan), ...themes.map(themeSearchDoc)]);
    if (items.length + search.length + 1 > MAX_TRANSACTION_ITEMS) {
      await new SearchIndexRepo(this.store).write(themes.map(themeSearchDoc));
      search = searchWrites(this.store, [planSearchDoc(plan)]);
    }
    await this.store.transact(
      [...items, ...search],
      [
        {
          operation: 'create',
          entityType: 'plan',
          entityId: plan.id,
          planId: plan.id,
          after: { plan, themes },
        },
      ],
      'plan',
    );
    return { plan, themes };
  }

  async update(planId: string, patch: PlanPatch): Promise<Plan> {
    // The owner it had is no newly named person (one who has left may stay owner of a closed plan).
    const owner = patch.ownerPersonId ? (await this.header(planId)).ownerPersonId : undefined;
    const named = await assertReferences(this.store, ownerReferences(patch.ownerPersonId, owner));
    return this.write(planId, patch, false, named);
  }

  /**
   * A plan's status moves only as PLAN_STATUS_MOVES allows (draft → active → closed, reopened), except
   * archiving (its own route). Becoming active is dated: staleness counts from then (core board.ts).
   */
  private async write(
    planId: string,
    patch: PlanPatch,
    archiving: boolean,
    /** The owner newly named, marked in the same transaction (references.ts). */
    named: TransactItem[] = [],
  ): Promise<Plan> {
    const [header, stored] = await Promise.all([this.header(planId), this.sections(planId)]);
    const before = withSections(header, stored);
    // Archived is final, archiving included; the write below checks it again (unlessArchived).
    if (before.status === 'archived') throw planArchived();
    if (!archiving) assertMayChange(before, patch);
    const after = patchedVersion(before, nounCleared(patch));
    if (after.status === 'active' && before.status !== 'active') after.activatedOn = londonToday();
    // Sections are rewritten only when the patch names them: each is an item of its own.
    const sectionWrites = patch.sections
      ? [
          ...sectionPuts(this.store, after),
          ...stored
            .filter((x) => x.n >= after.sections.length)
            .map((x) => ({
              Delete: {
                TableName: this.store.tableName,
                Key: { PK: this.store.pk, SK: sk.section(planId, x.n) },
              },
            })),
        ]
      : [];
    await this.store.transact(
      [
        ...named,
        ...sectionWrites,
        this.store.unlessArchived(
          this.store.putVersioned(
            sk.plan(planId),
            'plan',
            headerOf(after),
            patch.version,
            planIndexAttributes(after.councilId, planId),
          ),
        ),
        ...searchWrites(this.store, [planSearchDoc(after)], [planSearchDoc(before)]),
      ],
      [{ operation: 'update', entityType: 'plan', entityId: planId, planId, before, after }],
      'plan',
    );
    return after;
  }

  /** Plans are archived, never erased: their progress history is the council's record. */
  async archive(planId: string, version: number): Promise<Plan> {
    return this.write(planId, { version, status: 'archived' }, true);
  }

  newTheme(planId: string, t: ThemeCreate, order: number): Theme {
    return { ...t, id: newId(), planId, order, ref: t.ref || String(order + 1), ...firstVersion() };
  }

  async listThemes(planId: string, read?: ReadConsistency): Promise<Theme[]> {
    await this.header(planId, read);
    return this.themesOf(planId, read);
  }

  /** A plan's themes in their order, without checking the plan is there (its header was read). */
  async themesOf(planId: string, read?: ReadConsistency): Promise<Theme[]> {
    const themes = await this.store.queryAll<Theme>(`${sk.planChildren(planId)}THEME#`, {
      types: ['theme'],
      ...read,
    });
    return themes.map(({ type: _t, ...t }) => t as Theme).sort(byOrder);
  }

  async createTheme(planId: string, input: ThemeCreate): Promise<Theme> {
    const existing = await this.listThemes(planId);
    const theme = this.newTheme(planId, input, existing.length);
    await this.store.transact(
      [
        this.store.conditionPlanWritable(planId),
        this.store.putNew(sk.theme(planId, theme.id), 'theme', theme),
        ...searchWrites(this.store, [themeSearchDoc(theme)]),
      ],
      [{ operation: 'create', entityType: 'theme', entityId: theme.id, planId, after: theme }],
      'theme',
    );
    return theme;
  }

  async updateTheme(planId: string, themeId: string, patch: ThemePatch): Promise<Theme> {
    const before = await this.store.get<Theme>(sk.theme(planId, themeId));
    if (!before) throw notFound('Theme');
    const after = patchedVersion(before, patch);
    await this.store.transact(
      [
        this.store.conditionPlanWritable(planId),
        // Drops the theme's mark (theme-marks.ts) with the new version: a removal that read the mark
        // also requires the version it was sent, so a mark dropped never passes for one unchanged.
        this.store.putVersioned(sk.theme(planId, themeId), 'theme', after, patch.version),
      ],
      [{ operation: 'update', entityType: 'theme', entityId: themeId, planId, before, after }],
      'theme',
    );
    return after;
  }

  /**
   * Removes a theme with no actions under it (one an import made from a stray line, say); with actions,
   * 409: they are moved first. An action added to it or moved into it meanwhile marks it in its own
   * transaction (theme-marks.ts), and the delete requires the mark read before the actions were: so the
   * action is either among those read, or the removal is refused, and sent again it finds the action.
   */
  async removeTheme(planId: string, themeId: string, version: number): Promise<void> {
    const raw = await this.store.getRaw(sk.theme(planId, themeId));
    if (!raw) throw notFound('Theme');
    const before = entityOf<Theme>(raw);
    await this.refuseWithActions(before);
    try {
      await this.store.transact(
        [
          this.store.conditionPlanWritable(planId),
          markUnchanged(
            this.store.deleteVersioned(sk.theme(planId, themeId), version),
            THEME_MARK,
            raw[THEME_MARK],
          ),
          // Search no longer finds it.
          ...searchChanges(this.store, { set: [], remove: [themeSearchDoc(before)] }),
        ],
        [{ operation: 'delete', entityType: 'theme', entityId: themeId, planId, before }],
        'theme',
      );
    } catch (e) {
      // An action added meanwhile: said as it is when found before the write.
      await this.refuseWithActions(before);
      throw e;
    }
  }

  /** 409 while the theme has actions under it, naming how many and what to do. */
  private async refuseWithActions(theme: Theme): Promise<void> {
    const actions = await this.store.queryAll<{ themeId?: string }>(
      `${sk.planChildren(theme.planId)}ACTION#`,
      {
        types: ['action'],
        attributes: ['themeId'],
      },
    );
    const under = actions.filter((a) => a.themeId === theme.id).length;
    if (!under) return;
    const noun = nounInSentence(themeNounOf(await this.header(theme.planId)));
    throw conflict(
      `“${theme.title}” still has ${under === 1 ? 'an action' : `${under} actions`}: move ${under === 1 ? 'it' : 'them'} to another ${noun} first.`,
    );
  }

  /** Themes named take the places they held between them, in the order given (ThemeOrder). */
  async reorderThemes(planId: string, input: ThemeOrder): Promise<Theme[]> {
    // Refused alike whether or not the order would change (an order already so writes nothing).
    if ((await this.header(planId)).status === 'archived') throw planArchived();
    const themes = await this.themesOf(planId);
    // Loaded with the first reorder: putting things in a new order is rare (docs/architecture.md, section 9).
    const { reorderWrites } = await import('./reorder.js');
    const { writes, after } = reorderWrites(this.store, themes, input.themeIds, (t) =>
      sk.theme(planId, t.id),
    );
    if (!writes.length) return themes;
    await this.store.transact(
      [this.store.conditionPlanWritable(planId), ...writes],
      [
        {
          operation: 'update',
          entityType: 'plan',
          entityId: planId,
          planId,
          before: { themeOrder: themes.map((t) => t.ref || t.title) },
          after: { themeOrder: after.map((t) => t.ref || t.title) },
        },
      ],
      'theme',
    );
    return after;
  }

  /**
   * A plan's themes, actions and milestones with the attributes combined lists use: the long texts
   * (narratives, current positions, descriptions) are most of an item's bytes and are left out.
   */
  async summaries(
    planId: string,
    read?: ReadConsistency,
  ): Promise<Pick<PlanTree, 'themes' | 'actions' | 'milestones'>> {
    const out: Pick<PlanTree, 'themes' | 'actions' | 'milestones'> = {
      themes: [],
      actions: [],
      milestones: [],
    };
    const items = await this.store.queryAll<Record<string, unknown>>(sk.planChildren(planId), {
      types: ['theme', 'action', 'milestone'],
      attributes: SUMMARY_ATTRIBUTES,
      ...read,
    });
    for (const { type, ...rest } of items) {
      if (type === 'theme') out.themes.push(rest as never);
      else if (type === 'action') out.actions.push(rest as never);
      else out.milestones.push(rest as never);
    }
    return out;
  }

  /**
   * The plan and everything in it except progress history, in one paginated query. Strong unless
   * `read` says otherwise: pages and reports read it eventually (consistency.ts).
   */
  async tree(planId: string, read?: ReadConsistency): Promise<PlanTree> {
    return (await this.read(planId, TREE_TYPES, read)).tree;
  }

  /**
   * The plan tree and its whole progress history (reports). Updates sit under their action in the
   * plan's key range, which `tree` already reads (and filters), so this is the same single query.
   */
  async treeWithUpdates(
    planId: string,
    read?: ReadConsistency,
  ): Promise<PlanTree & { updates: ProgressUpdate[] }> {
    const { tree, of } = await this.read(planId, [...TREE_TYPES, 'update'], read);
    return { ...tree, updates: of<ProgressUpdate>('update') };
  }

  private async read(planId: string, types: string[], read?: ReadConsistency) {
    const header = await this.header(planId, read);
    const items = await this.store.queryAll<Record<string, unknown>>(sk.planChildren(planId), {
      types,
      ...read,
    });
    const of = <T>(type: string) =>
      items.filter((i) => i.type === type).map(({ type: _t, ...rest }) => rest as unknown as T);
    const plan = withSections(
      header,
      of<StoredSection>('section').sort((a, b) => a.n - b.n),
    );
    return { of, tree: this.assemble(plan, of) };
  }

  private assemble(plan: Plan, of: <T>(type: string) => T[]): PlanTree {
    return {
      plan,
      themes: of<Theme>('theme').sort(byOrder),
      actions: of<Action>('action').sort(byOrder),
      milestones: of<Milestone>('milestone').sort((a, b) => compareRefs(a.ref, b.ref)),
      indicators: of<Indicator>('indicator'),
      risks: of<Risk>('risk'),
      continuity: of<ContinuityFunction>('continuity'),
      decisions: of<Decision>('decision'),
      dependencies: of<Dependency>('dependency'),
    };
  }
}

import { createRoute, z } from '@hono/zod-openapi';
import { deriveRag, directionOfTravel, notFound, REPORT_FORMATS } from '@peopleplan/core';
import { EVENTUAL, type PeriodSnapshot, type PeriodSnapshotMeta } from '@peopleplan/db';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import {
  archivedError,
  CouncilParam,
  ErrorSchema,
  errors,
  ItemId,
  json,
  listOf,
  londonToday,
  PlanParams,
} from './common.js';

/**
 * Building and rendering a report (summaries, dates in words, CSV, and the Word or Excel library the
 * format needs) loads with the first report asked for, not at the function's cold start.
 */
const reportBuilder = async () => {
  const [{ periodReport }, { renderReportModel }] = await Promise.all([
    import('@peopleplan/services/report-document'),
    import('@peopleplan/reports/render-model'),
  ]);
  return { periodReport, renderReportModel };
};

export const PeriodSpec = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9:-]*$/, 'expected a period such as year-end:2013-14 or 2013-05')
  .openapi({
    description:
      'mid-year, year-end (of the financial year containing today), mid-year:2013-14, year-end:2013-14, ' +
      'YYYY-MM (a month), YYYY-Qn (quarter n of the financial year starting in YYYY), or a period key ' +
      '(mid-year-2013-14)',
    example: 'year-end:2013-14',
  });
export const PeriodParams = PlanParams.extend({ periodKey: PeriodSpec });
const ActionParams = CouncilParam.extend({ actionId: ItemId });

export const StatusEnum = z.enum([
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'completed',
  'deferred',
  'cancelled',
  'ongoing',
]);
export const RagEnum = z.enum(['red', 'amber', 'green', 'blue', 'grey']);
const Entry = z.object({ status: StatusEnum, rag: RagEnum });

const SnapshotMeta = z
  .object({
    planId: z.string(),
    key: z.string().openapi({ example: 'mid-year-2013-14' }),
    label: z.string().openapi({ example: 'Mid-year 2013-14' }),
    kind: z.enum(['mid-year', 'year-end', 'month', 'quarter']),
    start: z.string(),
    end: z.string(),
    asOf: z.string(),
    closedAt: z.string(),
    closedBy: z.object({ sub: z.string(), name: z.string() }),
    actionCount: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byRag: z.record(z.string(), z.number().int()),
    version: z.number().int(),
  })
  .openapi('PeriodSnapshotMeta');
const Snapshot = SnapshotMeta.extend({ entries: z.record(z.string(), Entry) }).openapi('PeriodSnapshot');
const Closed = SnapshotMeta.extend({ created: z.boolean() });

const TimelineEntry = z.object({
  periodKey: z.string(),
  label: z.string(),
  kind: z.enum(['mid-year', 'year-end', 'month', 'quarter']),
  start: z.string(),
  end: z.string(),
  status: StatusEnum,
  rag: RagEnum,
  travel: z.enum(['improved', 'same', 'worse', 'new']),
});
const Timeline = z.object({
  actionId: z.string(),
  items: z.array(TimelineEntry),
  current: Entry.extend({ asOf: z.string() }),
});

const ReportQuery = z.object({
  period: PeriodSpec,
  format: z.enum(REPORT_FORMATS).openapi({ description: 'docx, html, csv or xlsx' }),
  forecast: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Add a forecast year-end status to each action' }),
  compareWith: PeriodSpec.optional().openapi({
    description:
      'Closed period to measure direction of travel against; default: the latest closed period ending before this one ends',
  }),
});

const binary = z.string().openapi({ format: 'binary' });

const metaOf = ({ entries: _e, ...meta }: PeriodSnapshot): PeriodSnapshotMeta => meta;

/**
 * Committee reports (DOCX, HTML, CSV, XLSX), reporting periods and their snapshots, and each action's
 * status timeline across closed periods.
 */
/** Closing, previewing and reopening periods (report summaries included) load with their first use (docs/architecture.md, section 9). */
const periodService = () => import('@peopleplan/services/periods');

export function registerReportRoutes(app: App, deps: AppDeps) {
  const today = deps.today ?? (() => londonToday());
  registerCommitteePack(app, deps, today);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/reports',
      operationId: 'getPlanReport',
      tags: ['Reports'],
      'x-min-role': 'viewer',
      summary: 'A progress report on the plan for a period, as a committee paper or an export',
      description:
        'Summary counts by status and theme with direction of travel, exceptions first, each theme’s actions ' +
        'with their latest narrative, indicators and risks. CSV and XLSX list actions and milestones; a cell ' +
        'that a spreadsheet would read as a formula is escaped. HTML is served inline with a strict CSP. ' +
        'A closed period’s report is the one frozen when it closed (`X-Report-Source: frozen`), nothing live ' +
        'mixed in; any other is built now from live data (`X-Report-Source: live`): its title says “as at” the ' +
        'day its position is judged (`X-Report-As-At`: the period’s end, or today while it runs), and it says ' +
        'when it was produced. `X-Report-Compared-With` names the closed period ' +
        'direction of travel is measured against.',
      request: { params: PlanParams, query: ReportQuery },
      responses: {
        200: {
          description: 'The report, as an attachment (HTML inline)',
          content: {
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: binary },
            'text/html': { schema: z.string() },
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary },
          },
        },
        ...errors,
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const q = c.req.valid('query');
      const data = await councilData(c, deps, p.c, 'viewer');
      const { periodReport, renderReportModel } = await reportBuilder();
      const built = await periodReport(data, p.planId, q.period, today(), {
        compareWith: q.compareWith,
        forecast: q.forecast === 'true',
      });
      const report = await renderReportModel(built.model, q.format);
      c.header('X-Report-Source', built.source);
      if (built.asAt) c.header('X-Report-As-At', built.asAt);
      const html = q.format === 'html';
      c.header('Content-Type', report.contentType);
      c.header('Content-Disposition', `${html ? 'inline' : 'attachment'}; filename="${report.filename}"`);
      c.header('Cache-Control', 'private, no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      // The report embeds council text: nothing in it may run or load (styles are inline only).
      if (html) c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      if (built.comparedWith) c.header('X-Report-Compared-With', built.comparedWith.key);
      const body = report.body;
      return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/periods',
      operationId: 'listClosedPeriods',
      tags: ['Reports'],
      'x-min-role': 'viewer',
      summary: 'Closed reporting periods of the plan, oldest first',
      request: { params: PlanParams },
      responses: { 200: json(listOf(SnapshotMeta)), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      await data.plans.header(p.planId, EVENTUAL);
      return c.json({ items: await data.snapshots.list(p.planId, EVENTUAL) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}',
      operationId: 'getClosedPeriod',
      tags: ['Reports'],
      'x-min-role': 'viewer',
      summary: 'One closed period: every action’s status and RAG as reported for it',
      request: { params: PeriodParams },
      responses: { 200: json(Snapshot), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const [council] = await Promise.all([data.council.get(), data.plans.header(p.planId, EVENTUAL)]);
      const { periodOf } = await import('@peopleplan/services/reporting');
      const period = periodOf(p.periodKey, today(), council, 'periodKey');
      // A closed period never changes once written: an eventual read (packages/db consistency.ts).
      const snapshot = await data.snapshots.get(p.planId, period.key, EVENTUAL);
      if (!snapshot) throw notFound('Closed period');
      return c.json(snapshot, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}/close',
      operationId: 'closePeriod',
      tags: ['Reports'],
      'x-min-role': 'editor',
      summary: 'Close a reporting period: snapshot every action’s status and RAG',
      description:
        'Freezes the period’s report, and each action’s status and RAG exactly as it shows them (RAG judged at the ' +
        'period end, or today if the period is still running), so later reports show direction of travel. ' +
        'Idempotent: closing a period that is already closed changes nothing and answers 200 with the ' +
        'existing snapshot (`created: false`); the first close answers 201. A period that has not started, ' +
        'or that the plan does not offer (`GET …/report-periods`), cannot be closed (422). Send `{}` as the body.',
      request: {
        params: PeriodParams,
        body: { content: { 'application/json': { schema: z.object({}).strict() } }, required: false },
      },
      responses: {
        200: json(Closed, 'Already closed: the existing snapshot'),
        201: json(Closed, 'Closed now'),
        422: json(ErrorSchema, 'The period has not started, or is not one of the plan’s'),
        ...errors,
        ...archivedError,
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      const { snapshot, created } = await (await periodService()).closePeriod(
        data,
        p.planId,
        p.periodKey,
        today(),
      );
      return created
        ? c.json({ ...metaOf(snapshot), created }, 201)
        : c.json({ ...metaOf(snapshot), created }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/actions/{actionId}/timeline',
      operationId: 'getActionTimeline',
      tags: ['Reports'],
      'x-min-role': 'viewer',
      summary: 'The action’s status and RAG at each closed period, oldest first, and now',
      request: { params: ActionParams },
      responses: { 200: json(Timeline), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const [action, council] = await Promise.all([data.actions.get(p.actionId), data.council.get()]);
      const history = await data.snapshots.history(action.planId, EVENTUAL);
      const items: z.infer<typeof TimelineEntry>[] = [];
      for (const s of history) {
        const e = s.entries[action.id];
        if (!e) continue;
        items.push({
          periodKey: s.key,
          label: s.label,
          kind: s.kind,
          start: s.start,
          end: s.end,
          ...e,
          travel: directionOfTravel(items.at(-1)?.rag, e.rag),
        });
      }
      const d = today();
      const rag = deriveRag(
        { status: action.status, due: action.due, override: action.ragOverride },
        d,
        council.ragRules,
      ).rag;
      return c.json({ actionId: action.id, items, current: { status: action.status, rag, asOf: d } }, 200);
    },
  );
}

const PackPeriod = z
  .object({
    key: z.string(),
    label: z.string(),
    kind: z.enum(['mid-year', 'year-end', 'quarter', 'month']),
    running: z.boolean(),
    closedPlans: z.number().int().min(0),
    activePlans: z.number().int().min(0),
  })
  .openapi('CommitteePackPeriod');

/** The council's committee pack: every active plan's report for one period, in one Word document. */
function registerCommitteePack(app: App, deps: AppDeps, today: () => string) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/committee-pack/periods',
      operationId: 'listCommitteePackPeriods',
      tags: ['Reports'],
      'x-min-role': 'viewer',
      summary: 'The periods a committee pack can be asked for, each saying how many active plans closed it',
      request: { params: CouncilParam },
      responses: { 200: json(z.object({ items: z.array(PackPeriod) })), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const { packPeriods } = await import('@peopleplan/services/committee-pack');
      return c.json({ items: await packPeriods(data, today()) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/committee-pack',
      operationId: 'getCommitteePack',
      tags: ['Reports'],
      'x-min-role': 'viewer',
      summary: 'The committee pack: every active plan’s report for a period, in one Word document',
      description: 'Each plan frozen or live as its own report. `X-Report-Source`: frozen, live or mixed.',
      request: { params: CouncilParam, query: z.object({ period: PeriodSpec }) },
      responses: {
        200: {
          description: 'The pack, as an attachment',
          content: {
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: binary },
          },
        },
        ...errors,
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { period } = c.req.valid('query');
      const data = await councilData(c, deps, p.c, 'viewer');
      const { committeePack } = await import('@peopleplan/services/committee-pack');
      const pack = await committeePack(data, period, today());
      c.header('X-Report-Source', pack.source);
      c.header('Content-Type', pack.contentType);
      c.header('Content-Disposition', `attachment; filename="${pack.filename}"`);
      c.header('Cache-Control', 'private, no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(new Uint8Array(pack.body), 200);
    },
  );
}

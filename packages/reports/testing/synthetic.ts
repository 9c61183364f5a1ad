import {
  DEFAULT_RAG_RULES,
  type IsoDate,
  type LeadRole,
  RAGS,
  STATUSES,
  type Status,
} from '@peopleplan/core';
import { addDays, addMonths, endOfMonth, format, parseISO } from 'date-fns';
import { resolvePeriod } from '../src/period.js';
import type {
  ReportAction,
  ReportData,
  ReportIndicator,
  ReportMilestone,
  ReportRisk,
  ReportTheme,
  ReportUpdate,
} from '../src/report-data.js';

/**
 * Synthetic plan data of any size, for benchmarks and load tests: a business plan shaped like seed
 * 003 (priorities, numbered actions with sub-actions, key milestones, indicators, risks). The same
 * options always give the same data.
 */
export interface SyntheticOptions {
  actions?: number;
  themes?: number;
  seed?: number;
  /** Period spec for `resolvePeriod`. */
  period?: string;
  today?: IsoDate;
}

/** mulberry32: a tiny seeded PRNG, so runs are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID-shaped id, deterministic in (kind, n). */
export function syntheticId(kind: number, n: number): string {
  let s = '';
  let v = kind * 1_000_000 + n;
  for (let i = 0; i < 10; i++) {
    s = CROCKFORD[v % 32] + s;
    v = Math.floor(v / 32);
  }
  return `01H${'0'.repeat(13)}${s}`;
}

const WORDS = (
  'workforce development strategy recruitment retention wellbeing training managers succession planning ' +
  'engagement survey reward equality diversity apprenticeships self-service payroll restructure capacity ' +
  'leadership programme policy review health safety audit commissioning partners schools transformation'
)
  .split(' ')
  .filter(Boolean);
const PEOPLE = [
  'Paul Royel',
  'Julie Cudmore',
  'Nigel Fairburn',
  'Helen Bale',
  'Jackie Turner-Robinson',
  'HOPOS',
];
const MONTH_TEXT = (d: Date) => format(d, 'MMMM yyyy');

export function syntheticReportData(options: SyntheticOptions = {}): ReportData {
  const nActions = options.actions ?? 500;
  const nThemes = options.themes ?? 6;
  const today = options.today ?? '2013-10-15';
  const rand = prng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (n: number) => {
    const w = words(n);
    return `${w[0]!.toUpperCase()}${w.slice(1)}.`;
  };
  const period = resolvePeriod(options.period ?? 'mid-year', today);
  const fyStart = parseISO(period.financialYear.start);
  const planId = syntheticId(1, 0);
  const stamp = { version: 1, createdAt: '2013-04-01T09:00:00Z', updatedAt: '2013-04-01T09:00:00Z' };

  const themes: ReportTheme[] = Array.from({ length: nThemes }, (_, i) => ({
    id: syntheticId(2, i),
    ref: String(i + 1),
    title: words(2).replace(/^./, (c) => c.toUpperCase()),
    description: sentence(20),
    order: i,
  }));

  const actions: ReportAction[] = [];
  const milestones: ReportMilestone[] = [];
  const updates: ReportUpdate[] = [];
  const snapshots: ReportData['snapshots'] = {};
  let parent: ReportAction | undefined;
  let sub = 0;
  let top = 0;
  for (let i = 0; i < nActions; i++) {
    const theme = themes[Math.min(nThemes - 1, Math.floor((i / nActions) * nThemes))]!;
    const isParent = !parent || parent.themeId !== theme.id || sub >= 4;
    if (isParent) {
      top++;
      sub = 0;
    } else sub++;
    const start = addMonths(fyStart, Math.floor(rand() * 6));
    const due = endOfMonth(addMonths(start, 2 + Math.floor(rand() * 14)));
    const status: Status = pick(STATUSES);
    const role: LeadRole = 'accountable';
    const a: ReportAction = {
      id: syntheticId(3, i),
      ref: isParent ? String(top) : `${top}.${sub}`,
      title: sentence(12),
      status,
      order: i,
      themeId: theme.id,
      ...(!isParent && parent && { parentId: parent.id }),
      leads: isParent ? [] : [{ role, label: pick(PEOPLE) }],
      ...(!isParent && {
        start: {
          text: MONTH_TEXT(start),
          kind: 'date',
          due: format(start, 'yyyy-MM-dd'),
          precision: 'month',
        },
        due: { text: MONTH_TEXT(due), kind: 'date', due: format(due, 'yyyy-MM-dd'), precision: 'month' },
      }),
    } as ReportAction;
    actions.push(a);
    if (isParent) parent = a;
    if (rand() < 0.9) snapshots[a.id] = { status: pick(STATUSES), rag: pick(RAGS) };

    const nUpdates = isParent ? 0 : Math.floor(rand() * 4);
    for (let u = 0; u < nUpdates; u++) {
      const at = addDays(fyStart, Math.floor(rand() * 200));
      updates.push({
        id: syntheticId(4, i * 10 + u),
        actionId: a.id,
        at: `${format(at, 'yyyy-MM-dd')}T10:00:00Z`,
        authorName: pick(PEOPLE),
        narrative: Array.from({ length: 4 }, () => sentence(14)).join(' '),
        status: pick(STATUSES),
      });
    }
    if (!isParent && rand() < 0.35) {
      const slip = rand() < 0.3 ? 2 : 0;
      const baseline = format(endOfMonth(addMonths(start, 1)), 'yyyy-MM-dd');
      const current = format(endOfMonth(addMonths(start, 1 + slip)), 'yyyy-MM-dd');
      const undated = rand() < 0.1;
      milestones.push({
        id: syntheticId(5, i),
        actionId: a.id,
        ref: String.fromCharCode(65 + (milestones.length % 26)),
        title: sentence(8),
        status: pick(STATUSES),
        linkedActionIds: [],
        ...(undated
          ? { due: { text: 'Various into 2014', kind: 'event' } }
          : {
              baselineDue: { text: baseline, kind: 'date', due: baseline, precision: 'day' },
              due: { text: current, kind: 'date', due: current, precision: 'day' },
            }),
      } as ReportMilestone);
    }
  }

  const indicators: ReportIndicator[] = Array.from({ length: 10 }, (_, i) => {
    const fy = period.financialYear.label;
    const target = 60 + Math.floor(rand() * 40);
    return {
      id: syntheticId(6, i),
      name: `Percentage of ${words(4)}`,
      unit: '%',
      goodDirection: i % 3 === 2 ? 'down' : 'up',
      floorStandard: target - 20,
      targets: [1, 2, 3, 4].map((q) => ({ period: `${fy} Q${q}`, value: target })),
      actuals: [1, 2].map((q) => ({ period: `${fy} Q${q}`, value: target - 30 + Math.floor(rand() * 40) })),
    };
  });
  const risks: ReportRisk[] = Array.from({ length: 8 }, (_, i) => ({
    id: syntheticId(7, i),
    description: sentence(15),
    likelihood: pick(['Low', 'Medium', 'High']),
    impact: pick(['Low', 'Medium', 'High']),
    mitigation: sentence(20),
  }));

  return {
    council: {
      id: 'kent',
      name: 'Kent County Council',
      financialYearStartMonth: 4,
      timeZone: 'Europe/London',
      ragRules: DEFAULT_RAG_RULES,
    },
    plan: {
      id: planId,
      title: 'Divisional Business Plan (synthetic)',
      kind: 'business-plan',
      period: {
        label: period.financialYear.label,
        start: period.financialYear.start,
        end: period.financialYear.end,
      },
      status: 'active',
      directorate: 'Business Strategy and Support',
      division: 'Human Resources',
      ...stamp,
    } as ReportData['plan'],
    themes,
    actions,
    milestones,
    updates,
    indicators,
    risks,
    snapshots,
    period,
    today,
  };
}

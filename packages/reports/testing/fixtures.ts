import { DEFAULT_RAG_RULES, type Lead, type Status, type Timescale } from '@peopleplan/core';
import { resolvePeriod } from '../src/period.js';
import type {
  ReportAction,
  ReportData,
  ReportMilestone,
  ReportTheme,
  ReportUpdate,
} from '../src/report-data.js';
import { syntheticId } from './synthetic.js';

/**
 * Hand-built report data resembling the seeds, for tests:
 * - `kentBusinessPlan`: seed 003, Kent HR divisional business plan 2013-14 (priorities, numbered
 *   actions with sub-actions, key milestones, indicators, risks), at mid-year 2013-14;
 * - `eastHertsPeerReview`: seed 001, the HR peer review action plan (headings, member/strategic/
 *   operational leads, deadlines as written), at Q3 2007-08.
 */

const month = (text: string, due: string): Timescale => ({ text, kind: 'date', due, precision: 'month' });
const accountable = (...labels: string[]): Lead[] => labels.map((label) => ({ role: 'accountable', label }));

let n = 0;
const id = () => syntheticId(9, n++);

function action(
  themeId: string,
  ref: string,
  title: string,
  status: Status,
  rest: Partial<ReportAction> = {},
): ReportAction {
  return { id: id(), themeId, ref, title, status, order: n, leads: [], ...rest };
}

function update(
  actionId: string,
  at: string,
  narrative: string,
  status: Status,
  period?: string,
): ReportUpdate {
  return { id: id(), actionId, at, authorName: 'Paul Royel', narrative, status, ...(period && { period }) };
}

export const SCRIPT_NARRATIVE = 'Campaign paused <script>alert("x")</script> pending budget & sign-off';

export function kentBusinessPlan(periodSpec = 'mid-year', today = '2013-10-20') {
  const p1: ReportTheme = {
    id: id(),
    ref: '1',
    title: 'Prevention',
    order: 0,
    description: 'HR contribution and support to preventative transformation programmes',
  };
  const p2: ReportTheme = { id: id(), ref: '2', title: 'Productivity', order: 1 };

  const a1 = action(
    p1.id,
    '1',
    "HR's specific contribution and support to preventative transformation programmes",
    'on-track',
  );
  const a11 = action(
    p1.id,
    '1.1',
    'Lead the HR and Workforce Development work stream for the Troubled Families programme',
    'not-started',
    {
      parentId: a1.id,
      leads: accountable('Geraldine Vary'),
      start: { text: 'To be agreed – subject to directorate Business Plans', kind: 'event' },
      due: { text: '2014', kind: 'date', due: '2014-12-31', precision: 'year' },
    },
  );
  const a12 = action(
    p1.id,
    '1.2',
    'Lead the HR and Workforce Development work stream for the Adults Transformation Programme',
    'on-track',
    {
      parentId: a1.id,
      leads: accountable('Karen Ray'),
      start: month('January 2012', '2012-01-31'),
      due: {
        text: 'On-going to March 2015',
        kind: 'range',
        start: '2012-01-31',
        due: '2015-03-31',
        precision: 'month',
      },
    },
  );
  const a2 = action(
    p1.id,
    '2',
    'Improving recruitment and retention of staff within high need areas of business',
    'on-track',
  );
  const a21 = action(
    p1.id,
    '2.1',
    "HRBC support to Children's Social Worker recruitment campaign",
    'off-track',
    {
      parentId: a2.id,
      leads: accountable('Jackie Turner-Robinson'),
      start: month('April 2013', '2013-04-30'),
      due: month('March 2014', '2014-03-31'),
    },
  );
  const a22 = action(
    p1.id,
    '2.2',
    "HRBC and OD support on the delivery of workforce development in Children's Specialist Services",
    'on-track',
    {
      parentId: a2.id,
      leads: accountable('Jackie Turner Robinson', 'Julie Cudmore'),
      start: month('April 2013', '2013-04-30'),
      due: month('March 2014', '2014-03-31'),
    },
  );
  // Status now is on-track, but the update for the (closed) period said at risk: the report uses that.
  const a23 = action(
    p1.id,
    '2.3',
    "Support retention of staff within Children's Specialist Services",
    'on-track',
    {
      parentId: a2.id,
      leads: accountable('Nigel Fairburn'),
      start: month('April 2013', '2013-04-30'),
      due: month('March 2014', '2014-03-31'),
    },
  );
  const a3 = action(p1.id, '3', 'Delivery of Health and Safety Work Programme', 'on-track');
  const a31 = action(
    p1.id,
    '3.1',
    'Development and Delivery of Wellbeing Strategy as part of the OD and People Plan',
    'on-track',
    {
      parentId: a3.id,
      leads: accountable('Nigel Fairburn', 'Paul Royel'),
      start: month('April 2013', '2013-04-30'),
      due: { ...month('March 2014 and ongoing', '2014-03-31'), note: 'then ongoing' },
    },
  );
  const a32 = action(
    p1.id,
    '3.2',
    "Completion of Specialist Children's Services risk profiling project through to audit stage",
    'completed',
    {
      parentId: a3.id,
      leads: accountable('Helen Bale'),
      start: month('April 2013', '2013-04-30'),
      due: month('September 2013', '2013-09-30'),
    },
  );
  const a33 = action(
    p1.id,
    '3.3',
    'Corporate themed audit programme undertaken across schools and other sectors',
    'on-track',
    {
      parentId: a3.id,
      leads: accountable('Helen Bale'),
      start: month('September 2013', '2013-09-30'),
      due: month('January 2014', '2014-01-31'),
    },
  );
  const a34 = action(p1.id, '3.4', 'Pressure management team intervention programme delivered', 'on-track', {
    parentId: a3.id,
    leads: accountable('Helen Bale'),
    start: month('May 2013', '2013-05-31'),
    due: month('August 2013', '2013-08-31'),
  });
  const a4 = action(p2.id, '4', 'Promote self-sufficiency for staff and managers', 'on-track');
  const a41 = action(
    p2.id,
    '4.1',
    'Produce tools for managers e.g. "how to..." management guides',
    'on-track',
    {
      parentId: a4.id,
      leads: accountable('Paul Royel'),
      start: month('April 2013', '2013-04-30'),
      due: month('March 2014', '2014-03-31'),
    },
  );
  const a5 = action(p2.id, '5', 'Develop an appropriate workforce strategy for KCC', 'on-track');
  const a52 = action(
    p2.id,
    '5.2',
    'Develop models for workforce planning and succession planning',
    'on-track',
    {
      parentId: a5.id,
      leads: accountable('Nigel Fairburn', 'Julie Cudmore'),
      start: month('April 2013', '2013-04-30'),
      due: month('March 2014', '2014-03-31'),
    },
  );
  const actions = [a1, a11, a12, a2, a21, a22, a23, a3, a31, a32, a33, a34, a4, a41, a5, a52];

  const milestones: ReportMilestone[] = [
    {
      id: id(),
      actionId: a12.id,
      ref: 'A',
      title: 'As specified in the Adults Transformation Programme Plan',
      status: 'on-track',
      due: { text: 'Various into 2014', kind: 'event' },
    },
    {
      id: id(),
      actionId: a23.id,
      ref: 'C',
      title: 'Identify reasons for turnover in SCS and propose interventions to address',
      status: 'completed',
      completedOn: '2013-06-28',
      baselineDue: month('June 2013', '2013-06-30'),
      due: month('June 2013', '2013-06-30'),
    },
    {
      id: id(),
      actionId: a31.id,
      ref: 'E',
      title: 'Wellbeing strategy that supports performance developed and agreed',
      status: 'on-track',
      baselineDue: month('May 2013', '2013-05-31'),
      due: month('October 2013', '2013-10-31'),
    },
    {
      id: id(),
      actionId: a52.id,
      ref: 'C',
      title: 'Workforce Strategy to build capacity developed and agreed',
      status: 'on-track',
      baselineDue: month('April 2013', '2013-04-30'),
      due: month('April 2013', '2013-04-30'),
    },
  ];

  const updates: ReportUpdate[] = [
    update(a12.id, '2013-09-15T10:00:00+01:00', 'Work stream running to the programme plan.', 'on-track'),
    update(a21.id, '2013-06-10T10:00:00+01:00', 'Campaign launched.', 'on-track'),
    update(a21.id, '2013-09-20T10:00:00+01:00', SCRIPT_NARRATIVE, 'off-track'),
    // Written after the period closed but tagged for it: counts for the period.
    update(
      a22.id,
      '2013-10-05T10:00:00+01:00',
      'Training plan agreed with the\nChildren’s Improvement Board.',
      'on-track',
      'Mid-year 2013-14',
    ),
    update(
      a23.id,
      '2013-08-01T10:00:00+01:00',
      'Turnover analysis done; interventions not yet funded.',
      'at-risk',
    ),
    // After the period and not tagged for it: ignored.
    update(a23.id, '2013-10-12T10:00:00+01:00', 'Interventions funded.', 'on-track'),
    update(
      a31.id,
      '2013-07-01T10:00:00+01:00',
      '=HYPERLINK("http://evil.example","click") draft strategy out for consultation',
      'on-track',
    ),
    update(a32.id, '2013-09-25T10:00:00+01:00', 'Project complete and audited.', 'completed'),
    update(a33.id, '2013-03-15T10:00:00+00:00', 'Audit schedule drafted.', 'on-track'),
    update(a34.id, '2013-09-01T10:00:00+01:00', 'Interventions continuing past planned end.', 'on-track'),
    update(a41.id, '2013-05-20T10:00:00+01:00', 'First three guides published.', 'on-track'),
    update(a52.id, '2013-07-30T10:00:00+01:00', 'Models drafted with OD groups.', 'on-track'),
  ];

  const snapshots: ReportData['snapshots'] = {
    [a1.id]: { status: 'on-track', rag: 'green' },
    [a11.id]: { status: 'not-started', rag: 'grey' },
    [a12.id]: { status: 'on-track', rag: 'green' },
    [a21.id]: { status: 'at-risk', rag: 'amber' },
    [a23.id]: { status: 'off-track', rag: 'red' },
    [a3.id]: { status: 'at-risk', rag: 'amber' },
    [a31.id]: { status: 'on-track', rag: 'green' },
    [a32.id]: { status: 'on-track', rag: 'green' },
    [a33.id]: { status: 'on-track', rag: 'green' },
    [a34.id]: { status: 'on-track', rag: 'green' },
    [a4.id]: { status: 'on-track', rag: 'green' },
    [a41.id]: { status: 'on-track', rag: 'green' },
    [a5.id]: { status: 'on-track', rag: 'green' },
    [a52.id]: { status: 'on-track', rag: 'green' },
  };

  const data: ReportData = {
    council: {
      id: 'kent',
      name: 'Kent County Council',
      financialYearStartMonth: 4,
      timeZone: 'Europe/London',
      ragRules: DEFAULT_RAG_RULES,
    },
    plan: {
      id: id(),
      title: 'Divisional Business Plan 2013-14',
      kind: 'business-plan',
      period: { label: '2013-14', start: '2013-04-01', end: '2014-03-31' },
      status: 'active',
      directorate: 'Business Strategy and Support',
      division: 'Human Resources',
    },
    themes: [p2, p1],
    actions,
    milestones,
    updates,
    indicators: [
      {
        id: id(),
        name: 'Percentage of available business transactions carried out by self-service',
        unit: '%',
        goodDirection: 'up',
        floorStandard: 50,
        targets: [
          { period: '2013-14 Q1', value: 60 },
          { period: '2013-14 Q2', value: 65 },
          { period: '2013/2014', value: 70 },
        ],
        actuals: [
          { period: '2013-14 Q1', value: 58 },
          { period: '2013-14 Q2', value: 66 },
          { period: '2013/14', value: 72 },
        ],
      },
      {
        id: id(),
        name: 'Satisfaction with HR (from customer feedback)',
        unit: '%',
        goodDirection: 'up',
        floorStandard: 70,
        targets: [{ period: '2013-14 Q2', value: 80 }],
        actuals: [{ period: '2013-14 Q2', value: 65 }],
      },
      {
        id: id(),
        name: 'Resolution of cases (average working days)',
        unit: 'days',
        goodDirection: 'down',
        floorStandard: 30,
        targets: [{ period: '2013-14 q2', value: 20 }],
        actuals: [{ period: '2013-14 Q2', value: 25 }],
      },
      {
        id: id(),
        name: 'Completion of Kent Manager Standard',
        unit: '%',
        goodDirection: 'up',
        targets: [{ period: '2013-14 Q4', value: 100 }],
        actuals: [],
      },
    ],
    risks: [
      {
        id: id(),
        description: 'Reduced capacity in HR division to support change or provide HR advice to managers',
        mitigation: 'Managed change in HR Division, HR professional capacity building',
      },
      {
        id: id(),
        description: 'Breaches in Health and Safety would impact on the delivery of essential services',
        mitigation: 'Competent and qualified Health and Safety professionals providing advice and support',
        likelihood: 'Low',
        impact: 'High',
      },
    ],
    snapshots,
    period: resolvePeriod(periodSpec, today),
    today,
  };
  return {
    data,
    actions: { a1, a11, a12, a2, a21, a22, a23, a3, a31, a32, a33, a34, a4, a41, a5, a52 },
    milestones,
  };
}

export function eastHertsPeerReview(periodSpec = '2007-Q3', today = '2008-01-10') {
  const themes: ReportTheme[] = ['Leadership', 'Strategy', 'Delivery', 'Operational Results', 'Learning'].map(
    (title, i) => ({ id: id(), ref: '', title, order: i }),
  );
  const [leadership, strategy, delivery, results, learning] = themes as [
    ReportTheme,
    ReportTheme,
    ReportTheme,
    ReportTheme,
    ReportTheme,
  ];
  const leads = (member: string[], strategic: string[], operational: string[]): Lead[] => [
    ...member.map((label) => ({ role: 'member' as const, label })),
    ...strategic.map((label) => ({ role: 'strategic' as const, label })),
    ...operational.map((label) => ({ role: 'operational' as const, label })),
  ];
  const buyIn = action(
    leadership.id,
    'L1',
    'To achieve buy in at Director level and Heads of level re transformation of East Herts',
    'completed',
    {
      leads: leads(['Cllr Jackson'], ['Anne Freimanis'], ['All Directors and Heads of']),
      due: { text: 'Completed', kind: 'completed' },
    },
  );
  const values = action(leadership.id, 'L2', 'Bringing values to life', 'at-risk', {
    leads: leads(
      ['HR Committee'],
      ['HOPOS', 'CMT and Heads of'],
      ['HR Department', 'Lois Prior', 'All Directors and Heads of'],
    ),
    due: month('Competencies to be reviewed and relaunched March 08', '2008-03-31'),
  });
  const hrStrategy = action(strategy.id, 'S1', 'Reviewing and implementing HR strategy', 'on-track', {
    leads: leads(['HR Committee'], ['HOPOS'], ['HR team']),
    due: month('In Progress April 08', '2008-04-30'),
  });
  const induction = action(delivery.id, 'D1', 'Induction', 'off-track', {
    leads: leads([], ['Helen Farrell'], ['Helen Farrell']),
    due: month('March 08', '2008-03-31'),
  });
  const statement = action(delivery.id, 'D2', 'HR service delivery', 'on-track', {
    leads: leads([], ['HOPOS'], ['HR team and Directors and Heads of']),
    due: month('Statement of service to be produced by Feb 08', '2008-02-29'),
  });
  const survey = action(results.id, 'O1', 'Staff survey', 'completed', {
    leads: leads([], ['Lois Prior'], ['Lois Prior']),
    due: { text: 'Completed', kind: 'completed' },
  });
  const exits = action(learning.id, 'LN1', 'Exit interviews', 'ongoing', {
    leads: leads([], ['HOPOS'], ['Marion Rawson', 'All Managers']),
    due: { text: 'Ongoing Immediate', kind: 'ongoing' },
  });
  const forum = action(learning.id, 'LN2', 'Sharing knowledge across the Council', 'on-track', {
    leads: leads([], ['CMT'], ['Belinda Hooke']),
    due: month('June 07', '2007-06-30'),
  });
  const actions = [buyIn, values, hrStrategy, induction, statement, survey, exits, forum];
  const data: ReportData = {
    council: {
      id: 'east-herts',
      name: 'East Hertfordshire District Council',
      financialYearStartMonth: 4,
      timeZone: 'Europe/London',
      ragRules: DEFAULT_RAG_RULES,
    },
    plan: {
      id: id(),
      title: 'HR Peer Review Action Plan',
      kind: 'peer-review',
      period: {},
      status: 'active',
    },
    themes,
    actions,
    milestones: [
      {
        id: id(),
        actionId: values.id,
        ref: 'M1',
        title: 'Competencies relaunched',
        status: 'on-track',
        baselineDue: month('March 08', '2008-03-31'),
        due: month('March 08', '2008-03-31'),
      },
      {
        id: id(),
        actionId: forum.id,
        ref: 'M2',
        title: 'Establish forum for new heads of service',
        status: 'not-started',
        due: { text: 'Post restructuring', kind: 'event' },
      },
    ],
    updates: [
      update(
        values.id,
        '2007-11-20T10:00:00Z',
        'Management development programme run. 2nd tranche now in process.',
        'at-risk',
      ),
      update(hrStrategy.id, '2007-12-03T10:00:00Z', 'Strategy review under way.', 'on-track'),
      update(
        induction.id,
        '2007-10-15T10:00:00Z',
        'Review of induction delayed by restructure.',
        'off-track',
      ),
      update(exits.id, '2007-12-10T10:00:00Z', 'Process in place; managers reminded.', 'ongoing'),
    ],
    indicators: [],
    risks: [],
    snapshots: {
      [values.id]: { status: 'on-track', rag: 'green' },
      [hrStrategy.id]: { status: 'on-track', rag: 'green' },
      [induction.id]: { status: 'at-risk', rag: 'amber' },
      [exits.id]: { status: 'ongoing', rag: 'green' },
    },
    period: resolvePeriod(periodSpec, today),
    today,
  };
  return { data, actions: { buyIn, values, hrStrategy, induction, statement, survey, exits, forum } };
}

/**
 * A small peer-review plan written through the API, so browser tests have known data whatever the demo
 * seeds hold: three leads per challenge, an overdue action, a re-baselined milestone, an unparsed
 * deadline and a progress history.
 */
export type Call = (method: string, path: string, body?: unknown) => Promise<any>;

export interface DemoPlan {
  planId: string;
  planTitle: string;
  actionIds: string[];
  /** The action the browser tests report progress on (due soon, not started). */
  targetActionId: string;
  targetTitle: string;
}

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The plan runs from April 2026 (its mid-year 2026-27 has ended, whenever the suite runs) to the end of
 * the financial year in progress, at least March 2027: so today always falls in it, and "this month"
 * is always one of its open periods.
 */
export function demoPlanPeriod(): { label: string; start: string; end: string } {
  const today = new Date();
  const fyEnd = today.getUTCFullYear() + (today.getUTCMonth() >= 3 ? 1 : 0);
  const end = Math.max(2027, fyEnd);
  return {
    label: end === 2027 ? '2026-27' : `2026-27 to ${end - 1}-${String(end % 100).padStart(2, '0')}`,
    start: '2026-04-01',
    end: `${end}-03-31`,
  };
}

export async function createDemoPlan(call: Call, council: string): Promise<DemoPlan> {
  const base = `/api/v1/councils/${council}`;
  const people = [
    await call('POST', `${base}/people`, { name: 'Cllr Jackson', roleLabel: 'Cllr Jackson' }),
    await call('POST', `${base}/people`, {
      name: 'Head of HR',
      roleLabel: 'GM (HR)',
      email: 'hr@example.org',
    }),
    await call('POST', `${base}/people`, { name: 'L&D Team', roleLabel: 'L&D Team' }),
  ];
  const planTitle = 'Corporate peer review action plan (browser test)';
  const plan = await call('POST', `${base}/plans`, {
    title: planTitle,
    kind: 'peer-review',
    period: demoPlanPeriod(),
    status: 'active',
    reviewCadence: 'quarterly',
    // Progress updates are filed under one of these (never free text).
    reportingPoints: [
      { label: 'Q1', date: '2026-06-30' },
      { label: 'Q2', date: '2026-09-30' },
      { label: 'Q3', date: '2026-12-31' },
      { label: 'Q4', date: '2027-03-31' },
    ],
    themes: [
      { ref: '1', title: 'Leadership' },
      { ref: '2', title: 'Strategy' },
    ],
  });
  const [leadership, strategy] = plan.themes;
  const leads = [
    { role: 'member', label: 'Cllr Jackson', personId: people[0].id },
    { role: 'strategic', label: 'GM (HR)', personId: people[1].id },
    { role: 'operational', label: 'L&D Team', personId: people[2].id },
  ];
  const target = await call('POST', `${base}/plans/${plan.id}/actions`, {
    themeId: leadership.id,
    ref: '1.1',
    title: 'Develop a member development programme',
    currentPosition: 'Draft programme agreed with group leaders; launch planned for the spring.',
    leads,
    status: 'not-started',
    due: { text: 'Within 3 weeks', kind: 'date', due: isoIn(20), precision: 'day' },
  });
  const overdue = await call('POST', `${base}/plans/${plan.id}/actions`, {
    themeId: leadership.id,
    ref: '1.2',
    title: 'Agree the corporate workforce plan',
    outcome: 'A workforce plan the cabinet has signed off.',
    leads: leads.slice(1),
    status: 'on-track',
    due: { text: 'Last month', kind: 'date', due: isoIn(-12), precision: 'day' },
  });
  const unparsed = await call('POST', `${base}/plans/${plan.id}/actions`, {
    themeId: strategy.id,
    ref: '2.1',
    title: 'Align directorate business plans with the people strategy',
    leads: [leads[1]],
    status: 'on-track',
    due: { text: 'Post restructuring', kind: 'event' },
  });
  const ms = await call('POST', `${base}/actions/${overdue.id}/milestones`, {
    ref: 'A',
    title: 'Consult trade unions',
    due: { text: 'Next fortnight', kind: 'date', due: isoIn(14), precision: 'day' },
  });
  // Moving the milestone later than its baseline makes it "slipping".
  await call('PATCH', `${base}/milestones/${ms.id}`, {
    version: ms.version,
    due: { text: 'In six weeks', kind: 'date', due: isoIn(42), precision: 'day' },
    rebaselineReason: 'Union meeting moved to the next cycle',
  });
  await call('POST', `${base}/actions/${overdue.id}/updates`, {
    narrative: 'First draft circulated to directors.',
    status: 'on-track',
    period: 'Q1',
  });
  await call('POST', `${base}/actions/${overdue.id}/updates`, {
    narrative: 'Cabinet date moved; plan now expected next quarter.',
    status: 'at-risk',
    rag: 'amber',
    period: 'Q2',
  });
  return {
    planId: plan.id,
    planTitle,
    actionIds: [target.id, overdue.id, unparsed.id],
    targetActionId: target.id,
    targetTitle: target.title,
  };
}

import { describe, expect, it } from 'vitest';
import { allActions, outputWords, readSeed, SEED, withSubs, words } from '../test/helpers.js';
import { parsePlanFile } from './index.js';
import { ParsedPlan } from './parsed-plan.js';

const parseSeed = (name: string) => parsePlanFile(readSeed(name), { filename: name });

describe('seed 000: Harrow people strategy', async () => {
  const plan = await parseSeed(SEED.harrow);
  const actions = allActions(plan);

  it('is read as a people strategy over 2004-08 with five key priorities and 42 actions', () => {
    expect(plan.kind).toBe('people-strategy');
    expect(plan.title).toBe('Strategy for managing and developing people');
    expect(plan.period).toMatchObject({ start: '2004-04-01', end: '2008-03-31' });
    expect(plan.themes.map((t) => t.ref)).toEqual(['1', '2', '3', '4', '5']);
    expect(plan.themes[1]!.title).toBe('Recognising the value of diversity');
    expect(plan.themes.map((t) => t.actions.length)).toEqual([11, 8, 6, 10, 7]);
    expect(actions).toHaveLength(42);
  });

  it('keeps each action’s outcome, leads and progress', () => {
    const withOutcome = actions.filter((a) => a.outcome);
    expect(withOutcome).toHaveLength(42);
    const recruitment = actions.find(
      (a) => a.title === 'Develop a streamlined, professional recruitment service',
    )!;
    expect(recruitment.outcome).toMatch(/^The council will attract talented applicants/);
    expect(recruitment.leads.map((l) => l.label)).toEqual(['GM (HR)', 'GM (LC)', "Snr. Prof & SM's -LC"]);
    expect(recruitment.leads.every((l) => l.role === 'responsible')).toBe(true);
    // Progress continued on the page-break row is joined on.
    expect(recruitment.progress).toMatch(
      /toolkit' for managers into the works of the Lifecycle Management Unit/,
    );
    const benefits = actions[0]!;
    expect(benefits.outcome).toBe(
      'People will be able to choose benefits to suit their current needs\nPeople will be able to change their benefits package as their needs change',
    );
    expect(benefits.progress).toMatch(/^Discussions on flexible benefits were included within Single Status/);
  });

  it('turns each year row into a milestone due at that financial year’s end', () => {
    const flexible = actions.find((a) => a.title === 'Promote a range of flexible working opportunities')!;
    expect(flexible.milestones.map((m) => [m.ref, m.title, m.due.due])).toEqual([
      [
        '2004-05',
        "Develop flexible working and 'home working policy' Review applicant info' pack",
        '2005-03-31',
      ],
      ['2005-06', 'Implement and launch new policies and applicant info pack', '2006-03-31'],
    ]);
    const recruitment = actions.find((a) => a.title.startsWith('Develop a streamlined'))!;
    // "Apply business process re-" / "engineering to …" split across a page break is joined.
    expect(recruitment.milestones[1]!.title).toBe(
      'Apply business process re-engineering to administrative aspects of recruitment.',
    );
    const teams = actions.find((a) => a.title.startsWith('Introduce Team based improvement reviews'))!;
    expect(teams.milestones.map((m) => m.due.due)).toEqual([
      '2005-03-31',
      '2006-03-31',
      '2007-03-31',
      '2008-03-31',
    ]);
    expect(teams.milestones.every((m) => m.due.precision === 'financial-year')).toBe(true);
  });

  it('keeps text it cannot place on the action and says so', () => {
    const refine = actions.find((a) => a.title.startsWith('Refine the provision and reporting'))!;
    expect(refine.unplaced).toContain('management system to report more accurately on training');
    expect(plan.warnings.filter((w) => w.code === 'orphan-text').length).toBeGreaterThan(0);
    // A year with nothing written against it is not a milestone, but its text is kept.
    expect(actions[0]!.unplaced).toEqual(['2005-06']);
  });

  it('resolves "See Diversity" to the diversity priority and its matching action', () => {
    const reporting = actions.find((a) => a.title.startsWith('Develop more effective reporting'))!;
    expect(reporting.crossRefs).toEqual([
      {
        text: 'See Diversity',
        targetThemeRef: '2',
        targetRef: actions.find((a) => a.title.startsWith('Refine the provision'))!.ref,
      },
    ]);
  });
});

describe('seed 001: East Herts peer review', async () => {
  const plan = await parseSeed(SEED.eastHerts);
  const actions = allActions(plan);

  it('has the five headings ("Operational results" is the same heading) and 43 challenges', () => {
    expect(plan.kind).toBe('peer-review');
    expect(plan.themes.map((t) => t.title).sort()).toEqual(
      ['Delivery', 'Leadership', 'Learning', 'Operational Results', 'Strategy'].sort(),
    );
    expect(actions).toHaveLength(43);
    expect(plan.themes.find((t) => t.title === 'Operational Results')!.actions).toHaveLength(7);
  });

  it('keeps member, strategic and operational leads apart', () => {
    const first = actions[0]!;
    expect(first.leads).toEqual([
      { role: 'member', label: 'Clir Jackson' },
      { role: 'strategic', label: 'Anne Freimanis' },
      { role: 'operational', label: 'All Directors and Heads of' },
    ]);
    expect(first.status).toBe('completed');
    const equality = actions.find((a) => a.title === 'Equality and Diversity')!;
    expect(equality.leads.filter((l) => l.role === 'operational').map((l) => l.label)).toEqual([
      'George Robertson',
      'Shona Gray',
    ]);
    expect(equality.due).toMatchObject({ text: 'April 08', kind: 'date', due: '2008-04-30' });
  });

  it('reads continuation rows as sub-actions with their own leads and deadlines', () => {
    const capacity = actions.find((a) => a.title === 'Capacity building')!;
    expect(capacity.subActions).toHaveLength(3);
    expect(capacity.subActions[0]!.title).toMatch(/^We will also be developing an annual training plan/);
    expect(capacity.subActions[0]!.leads.map((l) => `${l.role}:${l.label}`)).toEqual([
      'member:HR Committee',
      'strategic:HOPOS',
      'operational:Helen Farrell',
    ]);
    expect(capacity.subActions[2]!.due?.text).toBe('Spring 09');
    const training = actions.find((a) => a.title === 'Training and development')!;
    expect(training.subActions.map((s) => s.due?.text)).toEqual([
      'March 08',
      'Training Plan completed and distributed',
      'June 08',
      'November 07',
      'June 07',
    ]);
    expect(withSubs(plan).length - actions.length).toBe(14);
  });

  it('joins a challenge split by a page break', () => {
    const pdrs = actions.find((a) => a.title.startsWith('Ensuring PDRS implemented consistently'))!;
    expect(pdrs.title).toBe(
      'Ensuring PDRS implemented consistently and that there is a transparent process for using PDRS to inform training programme. Ensure competencies appropriate for both staff and managers.',
    );
    expect(pdrs.subActions.map((s) => s.title)).toEqual(['Carry out all PDRS', 'Carry out PDRS']);
  });

  it('resolves cross-references to the actions they name', () => {
    const byTitle = (t: string) => actions.find((a) => a.title === t)!;
    expect(byTitle('Improving corporate working').crossRefs[0]!.targetRef).toBe(
      byTitle('Bringing values to life').ref,
    );
    expect(byTitle('Insufficient capacity for strategic HR').crossRefs[0]!.targetRef).toBe(
      byTitle('Strategic OD/HR').ref,
    );
    expect(byTitle('Dealing with staff concerns re reorganisation').crossRefs[0]!.targetRef).toBe(
      byTitle('Communicating the vision and re-organisation').ref,
    );
    const pdrs = actions.find((a) => a.title.startsWith('Ensuring PDRS'))!;
    expect(pdrs.crossRefs.map((c) => c.targetRef).sort()).toEqual(
      [
        byTitle('Training and development').ref,
        actions.find((a) => a.title.startsWith('Linking PDRS'))!.ref,
      ].sort(),
    );
    const seeAbove = byTitle('Seek the views of stakeholders to inform people management and development');
    expect(seeAbove.crossRefs).toEqual([{ text: 'See above' }]);
    expect(plan.warnings.some((w) => w.code === 'unresolved-cross-ref')).toBe(true);
  });
});

describe('seed 002: Oxfordshire best value review', async () => {
  const plan = await parseSeed(SEED.oxfordshire);

  it('has three service improvements with the phased proposals as actions', () => {
    expect(plan.kind).toBe('best-value-review');
    expect(plan.title).toBe('Developing our staff');
    expect(plan.themes.map((t) => t.title)).toEqual([
      'To adopt a strategic approach to Human Resource Management',
      'Extend and enhance Learning and Development',
      'Improve the way we manage our image',
    ]);
    const [si1, si2, si3] = plan.themes;
    expect(si1!.actions.map((a) => a.title)).toEqual([
      'Rationalisation of existing functions',
      'Improve what we do now',
      'Areas of new work to develop',
    ]);
    expect(si1!.actions.map((a) => a.subActions.length)).toEqual([2, 3, 4]);
    expect(si1!.actions[1]!.description).toMatch(/^The resources liberated from phase 1/);
    expect(si1!.actions[0]!.subActions[0]!.description).toMatch(/police checks/);
    expect(si2!.actions).toHaveLength(1);
    expect(si3!.actions).toHaveLength(4);
    expect(si3!.actions[0]!.status).toBe('ongoing');
    expect(si1!.description).toMatch(/^The Human Resource function has an important role/);
  });

  it('keeps the findings as narrative sections', () => {
    const keys = plan.sections.map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['area-of-work-1', 'conclusions', 'glossary']));
    expect(plan.sections.find((s) => s.key === 'area-of-work-1')!.body).toMatch(/Staff Focus Groups/);
    // The executive summary's version of each improvement is kept as narrative too.
    expect(keys).toEqual(expect.arrayContaining(['service-improvement-1-summary']));
  });
});

describe('seed 003: Kent divisional business plan', async () => {
  const plan = await parseSeed(SEED.kent);
  const actions = allActions(plan);

  it('has six priorities, 28 actions and 62 sub-actions with accountable officers and dates', () => {
    expect(plan.kind).toBe('business-plan');
    expect(plan.period).toMatchObject({ start: '2013-04-01', end: '2014-03-31' });
    expect(plan.directorate).toBe('Business Strategy and Support');
    expect(plan.division).toBe('Human Resources');
    expect(plan.themes.map((t) => t.title)).toEqual([
      'Prevention',
      'Productivity',
      'Partnership',
      'Procurement',
      'People',
      'Financial and Policy Challenges',
    ]);
    expect(plan.themes[0]!.description).toBe(
      'HR contribution and support to preventative transformation programmes',
    );
    expect(actions.map((a) => a.ref)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(actions.reduce((n, a) => n + a.subActions.length, 0)).toBe(62);
    const s = actions[1]!.subActions[1]!;
    expect(s.ref).toBe('2.2');
    expect(s.leads).toEqual([
      { role: 'accountable', label: 'Jackie Turner Robinson' },
      { role: 'accountable', label: 'Julie Cudmore' },
    ]);
    expect(s.start).toMatchObject({ kind: 'date', due: '2013-04-30' });
    expect(s.due).toMatchObject({ kind: 'date', due: '2014-03-31' });
  });

  it('links 29 key milestones to the actions they cite', () => {
    expect(plan.milestones).toHaveLength(29);
    expect(plan.milestones.every((m) => m.actionRefs.length > 0)).toBe(true);
    const refs = new Set(withSubs(plan).map((a) => a.ref));
    expect(plan.milestones.every((m) => m.actionRefs.every((r) => refs.has(r)))).toBe(true);
    const c = plan.milestones.find((m) => m.themeRef === '1' && m.ref === 'C')!;
    expect(c).toMatchObject({ actionRefs: ['2.3'], due: { text: 'June 2013', due: '2013-06-30' } });
    // Ragged rows (date in the third cell) and the header with no "KEY MILESTONES" label.
    expect(plan.milestones.find((m) => m.themeRef === '2' && m.ref === 'H')!.due.text).toBe(
      'As defined by each restructuring agenda',
    );
    expect(plan.milestones.filter((m) => m.themeRef === '6').map((m) => m.actionRefs)).toEqual([
      ['24.1'],
      ['24.1'],
    ]);
  });

  it('reads risks, continuity, indicators, decisions and support from other divisions', () => {
    expect(plan.risks).toHaveLength(4);
    expect(plan.risks.every((r) => r.mitigation)).toBe(true);
    expect(plan.continuity.map((c) => c.timescale)).toEqual([
      'Between 48 hours and 2 weeks dependent on when disruption occurs',
      '3 days',
      '4 hours',
    ]);
    expect(plan.indicators).toHaveLength(9);
    const kent = plan.indicators.find((i) => i.name.startsWith('Completion of Kent Manager Standard'))!;
    expect(kent).toMatchObject({
      unit: '%',
      frequency: 'quarterly',
      targets: [{ period: '2013-14 Q4', value: 100 }],
    });
    expect(plan.decisions).toEqual([]); // every priority says "N/A"
    expect(plan.dependencies).toHaveLength(12);
    const hrbc = plan.dependencies.find((d) => d.description.startsWith('HRBC support'))!;
    expect(hrbc).toMatchObject({ fromUnit: 'Families and social Care Directorate', actionRefs: ['2.1'] });
    expect(hrbc.expected).toMatchObject({ kind: 'range', due: '2014-03-31' });
  });

  it('resolves "(see also Priority 5 – Action 6)"', () => {
    expect(actions[6]!.crossRefs).toEqual([
      { text: '(see also Priority 5 – Action 6)', targetRef: '6', targetThemeRef: '5' },
    ]);
  });
});

describe('every seed', () => {
  it.each(Object.values(SEED))('%s: valid ParsedPlan and no word of the input lost', async (name) => {
    const buf = readSeed(name);
    const plan = await parsePlanFile(buf, { filename: name });
    expect(ParsedPlan.safeParse(plan).success).toBe(true);
    const out = outputWords(plan);
    const missing = [...words(buf.toString('utf8'))].filter((w) => !out.has(w));
    expect(missing).toEqual([]);
  });
});

import { ActionCreate, MilestoneCreate, PlanCreate, type Status } from '@peopleplan/core';
import type { CouncilData } from '@peopleplan/db';

/**
 * A second plan of the kind Harrow's demo plan is (a people strategy), for East Herts: the
 * partnership's "side by side" view compares plans of one kind across councils, and the two demo
 * councils' seed plans are of different kinds. Its themes are numbered as Harrow's key priorities
 * are, so the rows line up; a spread of statuses and dates, some overdue, gives each row something.
 */
const date = (due: string, text = due) => ({ text, kind: 'date' as const, due, precision: 'day' as const });

interface DemoAction {
  title: string;
  status: Status;
  due: string;
  lead: string;
  milestone?: { title: string; due: string; status: Status };
}

const THEMES: Array<{ title: string; actions: DemoAction[] }> = [
  {
    title: 'Recruiting and keeping skilled people',
    actions: [
      {
        title: 'Introduce a recruitment microsite and online applications',
        status: 'completed',
        due: '2005-12-31',
        lead: 'HR Manager',
      },
      {
        title: 'Review market supplements for hard-to-fill posts',
        status: 'at-risk',
        due: '2006-09-30',
        lead: 'Head of People and Property',
        milestone: { title: 'Pay survey of neighbouring districts', due: '2006-06-30', status: 'on-track' },
      },
    ],
  },
  {
    title: 'Valuing diversity',
    actions: [
      {
        title: 'Equality impact assessments for all HR policies',
        status: 'on-track',
        due: '2007-03-31',
        lead: 'HR Manager',
      },
    ],
  },
  {
    title: 'Motivating and rewarding performance',
    actions: [
      {
        title: 'Roll out the new appraisal scheme to all services',
        status: 'off-track',
        due: '2006-03-31',
        lead: 'Director of Internal Services',
        milestone: { title: 'Appraisal training for managers', due: '2005-11-30', status: 'completed' },
      },
      {
        title: 'Staff recognition awards',
        status: 'not-started',
        due: '2007-06-30',
        lead: 'Head of Communications',
      },
    ],
  },
  {
    title: 'Learning and development',
    actions: [
      {
        title: 'Corporate learning and development programme',
        status: 'on-track',
        due: '2008-03-31',
        lead: 'Learning and Development Officer',
        milestone: { title: 'Training needs analysis complete', due: '2006-01-31', status: 'on-track' },
      },
    ],
  },
  {
    title: 'Building capacity for change',
    actions: [
      {
        title: 'Management development programme for heads of service',
        status: 'at-risk',
        due: '2007-09-30',
        lead: 'Chief Executive',
      },
    ],
  },
];

export const SIDE_BY_SIDE_TITLE = 'East Herts People Strategy 2005-2008';

/** Adds the plan once (a restart finds it and does nothing); true when it was added. */
export async function ensureSideBySidePlan(data: CouncilData): Promise<boolean> {
  const plans = await data.plans.listAll();
  if (plans.some((p) => p.kind === 'people-strategy')) return false;
  const { plan, themes } = await data.plans.create(
    PlanCreate.parse({
      title: SIDE_BY_SIDE_TITLE,
      kind: 'people-strategy',
      status: 'active',
      period: { label: '2005-2008', start: '2005-04-01', end: '2008-03-31' },
      ownerLabel: 'Head of People and Property',
      themes: THEMES.map((t, i) => ({ ref: String(i + 1), title: t.title })),
    }),
  );
  for (const [i, t] of THEMES.entries()) {
    for (const [n, a] of t.actions.entries()) {
      const action = await data.actions.create(
        plan.id,
        ActionCreate.parse({
          themeId: themes[i]!.id,
          ref: `${i + 1}.${n + 1}`,
          title: a.title,
          status: a.status,
          due: date(a.due),
          leads: [{ role: 'responsible', label: a.lead }],
        }),
      );
      if (a.milestone) {
        await data.milestones.create(
          action.id,
          MilestoneCreate.parse({ ref: 'A', ...a.milestone, due: date(a.milestone.due) }),
        );
      }
    }
  }
  return true;
}

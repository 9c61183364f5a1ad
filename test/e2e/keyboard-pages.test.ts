/**
 * What a keyboard-only trial of the demo data found, kept fixed (WCAG 2.2 AA): filters that count what
 * the rest of the app counts, focus that goes on from a control that reveals or reloads part of a page,
 * and page titles that say where a person is. In real Chromium against the local stack and its demo
 * councils, axe on each new state.
 */
import {
  actionState,
  DEFAULT_RAG_RULES,
  judgePlan,
  londonToday,
  milestoneState,
  planClock,
  timeliness,
} from '@peopleplan/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, pages } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.demo';

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

/** The signed-in person on a page of the app; its h1 is on screen. */
async function on(path: string, email = EDITOR): Promise<Page> {
  const page = await tabs.open();
  await signIn(page, e.url, email);
  await page.goto(`${e.url}${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** Harrow's demo plan with the most overdue milestones (the seed's 2004 people strategy). */
async function latePlan(): Promise<{ planId: string; title: string }> {
  const dash = await e.as(EDITOR)('GET', `${H}/dashboard`);
  const [plan] = [...dash.plans].sort(
    (a: { overdueMilestones: number }, b: { overdueMilestones: number }) =>
      b.overdueMilestones - a.overdueMilestones,
  );
  expect(plan.overdueMilestones).toBeGreaterThan(0);
  return { planId: plan.planId, title: plan.title };
}

describe('what the keyboard-only trial found', { timeout: 120_000 }, () => {
  it('filters a plan’s late actions as “my actions” judges them: late itself or through a milestone', async () => {
    const { planId } = await latePlan();
    const contents = await e.as(EDITOR)('GET', `${H}/plans/${planId}/contents`);
    const judged = judgePlan(
      planClock(contents.plan),
      contents.actions.map(actionState),
      contents.milestones.map(milestoneState),
      { today: londonToday(), dueSoonDays: 30 },
      DEFAULT_RAG_RULES,
    );
    const late = contents.actions.filter(
      (a: { id: string; status: Parameters<typeof timeliness>[0] }) =>
        timeliness(
          a.status,
          judged.actions.get(a.id)!,
          contents.milestones
            .filter((m: { actionId: string }) => m.actionId === a.id)
            .map((m: { id: string }) => judged.milestones.get(m.id)!),
        ) === 'late',
    ).length;
    // Some are late only through a milestone: the seed's actions are mostly undated.
    expect(late).toBeGreaterThan(
      contents.actions.filter((a: { id: string }) => judged.actions.get(a.id)!.overdue).length,
    );

    const page = await on(`/councils/harrow/plans/${planId}`);
    const due = page.locator('#filter-due');
    expect(await due.locator('option').allInnerTexts()).toEqual([
      'All',
      'Late (the action or one of its milestones)',
      'Due in the next 30 days (the action or one of its milestones)',
      'Due in the next 90 days (the action or one of its milestones)',
      'No date',
    ]);
    await due.selectOption('overdue');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Showing ${late} of ${contents.actions.length} actions` })
      .waitFor();
    await expectAccessible(page, 'plan-filter-late');
  });
});

/**
 * Where keyboard focus goes while a plan is kept up (WCAG 2.4.3 focus order, 3.2 predictable), one rule
 * throughout: after a save, the message that says what happened takes focus and is on screen, even when
 * an earlier message is still showing; after Cancel, focus goes back to the button that opened the form;
 * it is never left on the page's body. In real Chromium against the local stack, axe on each new state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, pages, successBanner } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.demo';

interface Seeded {
  planId: string;
  themeIds: string[];
  actionId: string;
  /** Another action, with a milestone. */
  otherId: string;
}
let plan: Seeded;

/** A long plan (three objectives of eight actions each), so the top of the page is far from the bottom. */
async function seed(): Promise<Seeded> {
  const editor = e.as(EDITOR);
  const p = await editor('POST', `${H}/plans`, {
    title: 'Workforce plan 2026-27 (focus)',
    kind: 'business-plan',
    themeNoun: 'Objective',
    status: 'active',
    themes: [
      { ref: '1', title: 'Recruitment' },
      { ref: '2', title: 'Retention' },
      { ref: '3', title: 'Pay' },
    ],
  });
  const ids: string[] = [];
  for (const [t, theme] of p.themes.entries()) {
    for (let i = 1; i <= 8; i++) {
      const a = await editor('POST', `${H}/plans/${p.id}/actions`, {
        themeId: theme.id,
        ref: `${t + 1}.${i}`,
        title: `${theme.title} action ${i}: a line long enough to read as a council writes its actions`,
        status: 'on-track',
        leads: [{ role: 'responsible', label: 'HR Manager' }],
        due: { text: 'March 2027', kind: 'date', due: '2027-03-31', precision: 'month' },
      });
      ids.push(a.id);
    }
  }
  await editor('POST', `${H}/actions/${ids[1]}/milestones`, {
    ref: 'A',
    title: 'Job descriptions agreed',
    due: { text: 'January 2027', kind: 'date', due: '2027-01-31', precision: 'month' },
  });
  return {
    planId: p.id,
    themeIds: p.themes.map((t: { id: string }) => t.id),
    actionId: ids[0]!,
    otherId: ids[1]!,
  };
}

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  plan = await seed();
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

/** What has focus: never the body; on screen or not; inside which landmark of the page. */
const focus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const r = el?.getBoundingClientRect();
    return {
      body: !el || el === document.body,
      id: el?.id ?? '',
      text: (el?.innerText ?? '').trim().replace(/\s+/g, ' '),
      onScreen: Boolean(r && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight),
      banner: Boolean(el?.closest('.govuk-notification-banner--success')),
    };
  });

/** The success banner has focus, says `text`, and can be seen. */
async function bannerFocused(page: Page, text: string) {
  await successBanner(page, text);
  await expect.poll(() => focus(page)).toMatchObject({ banner: true, onScreen: true });
  expect((await focus(page)).text).toContain(text);
}

/** Focus is back on the control with this id (the button that opened the form). */
const focusBackOn = (page: Page, id: string) =>
  expect.poll(async () => (await focus(page)).id, { message: `focus back on #${id}` }).toBe(id);

/** The signed-in editor on a page of the plan (`/actions/…` or `/plans/…`). */
async function editorOn(path: string): Promise<Page> {
  const page = await tabs.open();
  await signIn(page, e.url, EDITOR);
  await page.goto(`${e.url}/councils/harrow${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

describe('focus after a save and after Cancel', { timeout: 120_000 }, () => {
  it('on an action, each save’s banner takes focus and is on screen, even when one is showing', async () => {
    const page = await editorOn(`/actions/${plan.actionId}`);
    // Two milestones: the second's banner replaces the first's and takes focus, scrolled into view.
    for (const [ref, title] of [
      ['A', 'Adverts agreed'],
      ['B', 'Assessment centre held'],
    ] as const) {
      await page.getByRole('button', { name: 'Add a milestone' }).click();
      await page.fill('#ms-new-ref', ref);
      await page.fill('#ms-new-title', title);
      await page.fill('#ms-new-due', 'January 2027');
      await page.getByRole('button', { name: 'Add milestone' }).click();
      await page.locator('section[aria-labelledby="milestones"] tbody tr', { hasText: title }).waitFor();
      await bannerFocused(page, 'Milestone added');
    }
    await page.getByRole('button', { name: /^Change\s+milestone A/ }).click();
    await page.fill('#ms-edit-title', 'Adverts agreed with the services');
    await page.getByRole('button', { name: 'Save milestone' }).click();
    await bannerFocused(page, 'Milestone saved');
    await expectAccessible(page, 'focus-milestone-saved');
  });

  it('on an action, Cancel (or "Keep the action") returns focus to the button that opened the form', async () => {
    const page = await editorOn(`/actions/${plan.otherId}`);
    await page.getByRole('button', { name: 'Add a milestone' }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await focusBackOn(page, 'milestone-add');
    const change = page.getByRole('button', { name: /^Change\s+milestone A/ });
    const changeId = await change.getAttribute('id');
    await change.click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await focusBackOn(page, changeId!);
    await page.getByRole('button', { name: 'Edit this action' }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await focusBackOn(page, 'edit-action');
    await page.getByRole('button', { name: 'Cancel this action' }).click();
    await page.getByRole('button', { name: 'Keep the action' }).click();
    await focusBackOn(page, 'cancel-action');
    expect((await focus(page)).text).toBe('Cancel this action');
  });

  it('on an action, "Add a lead" takes focus to the new lead’s first field', async () => {
    const page = await editorOn(`/actions/${plan.actionId}`);
    await page.getByRole('button', { name: 'Edit this action' }).click();
    // Cancelling asks why, on its own button: the edit form's status does not offer it.
    expect(await page.locator('#status option').allInnerTexts()).not.toContain('Cancelled');
    await page.getByRole('button', { name: 'Add a lead' }).click();
    // The fields appear above the button: focus goes to them, not left behind on the button.
    await expect.poll(async () => (await focus(page)).id).toBe('lead-2-role');
    expect(await page.getByLabel('Lead 2: role').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.fill('#lead-2-label', 'Recruitment Officer');
    await expectAccessible(page, 'focus-lead-added');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await bannerFocused(page, 'Action saved');
  });

  it('in the plan’s details, "Add a reporting point" takes focus to the new point’s name', async () => {
    const page = await editorOn(`/plans/${plan.planId}`);
    await page.getByRole('button', { name: 'Change the plan’s details' }).click();
    const add = page.getByRole('button', { name: 'Add a reporting point' });
    await add.click();
    // The row appears above the button: focus goes to its first field, not left on the button.
    await expect.poll(async () => (await focus(page)).id).toBe('point-1-label');
    await page.keyboard.type('Q3 2026-27');
    await add.click();
    await expect.poll(async () => (await focus(page)).id).toBe('point-2-label');
    expect(await page.getByLabel('Reporting point 1: name').inputValue()).toBe('Q3 2026-27');
    await expectAccessible(page, 'focus-point-added');
    // A point removed: focus on the point that took its place, else back on "Add a reporting point".
    await page.getByRole('button', { name: 'Remove reporting point 1' }).click();
    await expect.poll(async () => (await focus(page)).id).toBe('point-1-label');
    await page.getByRole('button', { name: 'Remove reporting point 1' }).click();
    await focusBackOn(page, 'point-add');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  it('on a plan, a rename after an add takes focus to its banner; Cancel returns to the opener', async () => {
    const page = await editorOn(`/plans/${plan.planId}`);
    await page.getByRole('button', { name: 'Add an objective' }).click();
    await page.fill('#theme-title', 'Learning');
    await page.getByRole('button', { name: 'Add the objective' }).click();
    await bannerFocused(page, 'Objective added');
    // A banner is showing: the rename's banner still takes focus.
    await page.getByRole('button', { name: /^Rename\s+Objective 4: Learning$/ }).click();
    await page.fill('#theme-title', 'Learning and development');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await bannerFocused(page, 'Objective renamed');

    // Cancel a rename: back to its Rename button; cancel adding one: back to "Add an objective".
    await page.getByRole('button', { name: /^Rename\s+Objective 2: Retention$/ }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await focusBackOn(page, `rename-${plan.themeIds[1]}`);
    await page.getByRole('button', { name: 'Add an objective' }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await focusBackOn(page, 'add-theme');
  });

  it('on a long plan, an action added far down the page is said beside its table, which keeps focus', async () => {
    const page = await editorOn(`/plans/${plan.planId}`);
    // The last objective, far down the page: the message beside its table takes focus, on screen, not a
    // banner at the top.
    const pay = page.locator('section.app-theme').filter({ hasText: 'Objective 3: Pay' });
    await pay.getByRole('button', { name: /^Add an action/ }).click();
    await page.fill('#new-ref', '3.9');
    await page.fill('#new-title', 'Publish the pay policy');
    // The add form takes its lead as the edit form does, focus going to the new lead's first field.
    await page.getByRole('group', { name: 'Leads' }).getByRole('button', { name: 'Add a lead' }).click();
    await expect.poll(async () => (await focus(page)).id).toBe('lead-1-role');
    await page.fill('#lead-1-label', 'Reward Manager');
    await page.getByRole('button', { name: 'Add the action' }).click();
    const added = pay.locator('tbody tr', { hasText: 'Publish the pay policy' });
    await added.waitFor();
    expect(await added.innerText()).toContain('Reward Manager');
    await expect
      .poll(() => focus(page))
      .toMatchObject({
        body: false,
        banner: false,
        onScreen: true,
        text: 'Action added: 3.9 Publish the pay policy',
      });
    expect(await pay.locator('.app-saved-note').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('.govuk-notification-banner--success').count()).toBe(0);
    await expectAccessible(page, 'focus-action-added');
    // Cancel adding one: back to that objective's "Add an action".
    await pay.getByRole('button', { name: /^Add an action/ }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await focusBackOn(page, `add-action-${plan.themeIds[2]}`);
  });

  it('at the end of an update round, the panel that says so takes focus', async () => {
    const editor = e.as(EDITOR);
    const p = await editor('POST', `${H}/plans`, {
      title: 'Round plan (focus)',
      kind: 'business-plan',
      themeNoun: 'Objective',
      status: 'active',
      themes: [{ ref: '1', title: 'Wellbeing' }],
    });
    await editor('POST', `${H}/plans/${p.id}/actions`, {
      themeId: p.themes[0].id,
      ref: '1.1',
      title: 'Run wellbeing check-ins',
      status: 'on-track',
    });
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${p.id}/themes/${p.themes[0].id}/round`);
    await page.locator('#round-step').waitFor();
    await page.fill('#round-narrative', 'Check-ins held in every directorate');
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await page.getByRole('heading', { name: 'Update round complete' }).waitFor();
    await expect.poll(() => focus(page)).toMatchObject({ body: false, onScreen: true });
    expect((await focus(page)).text).toContain('Update round complete');
    await expectAccessible(page, 'focus-round-complete');
  });

  it('on the reports page, the message that a report is ready takes focus', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${plan.planId}/reports`);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.selectOption('#period', 'mid-year-2026-27');
    await page.getByLabel('Word document (.docx)').check();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the report' }).click(),
    ]);
    await expect
      .poll(() => focus(page))
      .toMatchObject({ id: '', onScreen: true, text: `Downloaded ${file.suggestedFilename()}` });
    // The web page report opens in a tab of its own; back on this page, the message saying so has focus.
    await page.getByLabel('Web page').check();
    const [report] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Open the report in a new tab' }).click(),
    ]);
    await report.locator('h1').waitFor();
    await report.close();
    await expect
      .poll(() => focus(page))
      .toMatchObject({
        body: false,
        onScreen: true,
        text: 'The report opened in a new tab. Open it again (opens in a new tab)',
      });
    await expectAccessible(page, 'focus-report-shown');
  });
});

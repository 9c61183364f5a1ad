/**
 * An action's open milestones close with it (docs/architecture.md, "Milestones close with their action"):
 * the forms that choose a closing status say so beside the field, and the milestones say in words that
 * they closed with the action.
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
const due = (d: string) => ({ text: d, kind: 'date', due: d, precision: 'day' });
let actionId: string;
let planId: string;

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  const editor = e.as(EDITOR);
  const p = await editor('POST', `${H}/plans`, {
    title: 'Workforce plan 2026-27 (milestones)',
    kind: 'business-plan',
    status: 'active',
    themes: [{ ref: '1', title: 'Recruitment' }],
  });
  const a = await editor('POST', `${H}/plans/${p.id}/actions`, {
    themeId: p.themes[0].id,
    ref: '1.1',
    title: 'Recruit apprentices',
    status: 'on-track',
  });
  actionId = a.id;
  planId = p.id;
  for (const [ref, title] of [
    ['A', 'Adverts placed'],
    ['B', 'Interviews held'],
  ])
    await editor('POST', `${H}/actions/${a.id}/milestones`, { ref, title, due: due('2026-01-15') });
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

/** The ids a field's aria-describedby names, as text. */
const describedBy = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

describe('milestones closing with their action', { timeout: 120_000 }, () => {
  it('says beside the status that its open milestones close with it, then marks them in words', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/actions/${actionId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('section[aria-labelledby="milestones"] tbody tr').first().waitFor();

    // The progress update's status.
    const fieldset = 'form[aria-labelledby="update-heading"] fieldset';
    expect(await describedBy(page, fieldset)).not.toContain('open milestones');
    await page.getByLabel('Completed').check();
    await expect
      .poll(() => describedBy(page, fieldset))
      .toContain('Its 2 open milestones will be closed with it.');
    await expectAccessible(page, 'milestones-closing-hint-update');

    // The action's own status, in its edit form.
    await page.getByRole('button', { name: 'Edit this action' }).click();
    await page.selectOption('#status', 'deferred');
    await expect
      .poll(() => describedBy(page, '#status'))
      .toContain('Its 2 open milestones will be closed with it.');
    await expectAccessible(page, 'milestones-closing-hint-edit');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    await page.fill('#update-narrative', 'Both apprentices started in September.');
    await page.getByRole('button', { name: 'Add update' }).click();
    await successBanner(page, 'Progress update added');
    const rows = page.locator('section[aria-labelledby="milestones"] tbody tr');
    await expect.poll(() => rows.filter({ hasText: 'closed with the action' }).count()).toBe(2);
    await expectAccessible(page, 'milestones-closed-with-action');

    // The plan's own list of milestones says it too.
    await page.goto(`${e.url}/councils/harrow/plans/${planId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.getByText('(closed with the action)').count()).toBe(2);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, pages } from './support/browser.js';
import type { DemoPlan } from './support/demo-plan.js';
import {
  type E2eStack,
  seedDemoPlan,
  signIn,
  startStackAndBrowser,
  stopStackAndBrowser,
} from './support/stack.js';

let e: E2eStack;
let browser: Browser;
let demo: DemoPlan;
const tabs = pages(() => browser);
const ADMIN = 'admin@harrow.demo';
const H = '/api/v1/councils/harrow';

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  demo = await seedDemoPlan(e);
  const admin = e.as(ADMIN);
  const plan = await admin('GET', `${H}/plans/${demo.planId}`);
  await admin('DELETE', `${H}/plans/${demo.planId}?version=${plan.version}`);
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

/** Words of every control in the page's main part that would change something. */
const CHANGING = /edit|add|archive|close|reopen|rename|move|order|change|save|cancel|correct|update round/i;
async function changingControls(page: Page): Promise<string[]> {
  const controls = await page
    .locator('main')
    .locator('button, a.govuk-button, a[href$="/round"], input[type="submit"], summary')
    .allInnerTexts();
  return controls.map((t) => t.trim()).filter((t) => CHANGING.test(t));
}

it('shows an archived plan and its actions read-only, with no controls that would change them', async () => {
  const page = await tabs.open();
  await signIn(page, e.url, ADMIN);

  await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}`);
  await page.getByText('This plan is archived and read-only').waitFor();
  expect(await page.locator('main .govuk-summary-list').first().innerText()).toContain('Archived');
  await page.getByRole('link', { name: demo.targetTitle }).waitFor();
  expect(await changingControls(page)).toEqual([]);
  expect(await page.getByRole('button', { name: 'Print this plan' }).count()).toBe(1);
  await expectAccessible(page, 'archived-plan');

  await page.getByRole('link', { name: demo.targetTitle }).click();
  await page.getByText('This action is part of an archived plan').waitFor();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  expect(await changingControls(page)).toEqual([]);
  expect(await page.locator('main form, main textarea').count()).toBe(0);
  await expectAccessible(page, 'archived-action');
}, 60_000);

it('says in plain words why a form open when the plan was archived cannot be saved', async () => {
  const editor = e.as('editor@harrow.demo');
  const plan = await editor('POST', `${H}/plans`, { title: 'Archived while open', kind: 'peer-review' });
  const page = await tabs.open();
  await signIn(page, e.url, 'editor@harrow.demo');
  await page.goto(`${e.url}/councils/harrow/plans/${plan.id}`);
  await page.getByRole('button', { name: 'Change the plan’s details' }).click();
  await page.fill('#title', 'Renamed too late');
  await e.as(ADMIN)('DELETE', `${H}/plans/${plan.id}?version=${plan.version}`);
  await page.getByRole('button', { name: 'Save the plan’s details' }).click();
  // Not "someone else changed this": there is nothing newer to compare, only a record kept.
  await page
    .locator('.govuk-error-summary')
    .getByText('This plan is archived, so it can no longer be changed.')
    .waitFor();
  await expectAccessible(page, 'archived-while-editing');
}, 30_000);

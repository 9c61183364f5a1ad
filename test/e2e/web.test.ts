/**
 * The web app in real Chromium against the real local stack (API, dev identity provider, DynamoDB
 * Local, built web/dist): sign in, dashboard, plan, action, progress, conflicts, import, keyboard-only
 * use, and an axe check on every page. Screenshots go to test-results/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEEDS_DIR } from '@peopleplan/devstack';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPlan } from './support/demo-plan.js';
import {
  axe,
  describeViolations,
  type E2eStack,
  RESULTS,
  seedDemoPlan,
  signIn,
  startStackAndBrowser,
} from './support/stack.js';

let e: E2eStack;
let browser: Browser;
let demo: DemoPlan;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  demo = await seedDemoPlan(e);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await e?.stack.stop();
});

async function newPage(width = 1280): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  // Shorter than the test's own timeout, so a failure names the step that waited.
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

async function expectAccessible(page: Page, name: string) {
  await page.screenshot({ path: join(RESULTS, `e2e-${name}.png`), fullPage: true });
  const violations = await axe(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

const h1 = (page: Page) => page.locator('h1').innerText();
const headline = async (page: Page, id: string) =>
  Number(await page.locator(`.app-headline a[href="#${id}"] .app-headline__number`).innerText());

describe('web app', { timeout: 120_000 }, () => {
  it('signs in, opens a plan, reports progress on an action, and the dashboard changes', async () => {
    const page = await newPage();
    await page.goto(`${e.url}/`);
    await page.waitForURL(/\/sign-in/);
    await expectAccessible(page, 'sign-in');

    await signIn(page, e.url, 'editor@harrow.demo');
    await page.waitForURL(/\/councils\/harrow$/);
    await page.locator('[data-dashboard-ready]').waitFor();
    expect(await h1(page)).toBe('Dashboard');
    const dueSoonBefore = await headline(page, 'due-soon');
    const overdueBefore = await headline(page, 'overdue');
    expect(dueSoonBefore).toBeGreaterThanOrEqual(1);
    // The test plan's action due in 20 days is listed as due soon, its slipped milestone as re-baselined.
    await expect(
      page.locator('#due-soon ~ * a', { hasText: demo.targetTitle }).first().isVisible(),
    ).resolves.toBe(true);
    expect(await page.locator('section[aria-labelledby="slipping"]').innerText()).toContain(
      'Consult trade unions',
    );
    await expectAccessible(page, 'dashboard');

    await page.getByRole('link', { name: demo.planTitle }).click();
    await page.waitForURL(new RegExp(`/plans/${demo.planId}$`));
    await page.getByRole('heading', { level: 1, name: demo.planTitle }).waitFor();
    // A peer-review plan reads in its own columns, leads kept apart by role; status comes straight after
    // the challenge, where it is seen first.
    const headers = await page.locator('table.app-action-table').first().locator('thead th').allInnerTexts();
    expect(headers).toEqual([
      'Ref',
      'Challenge',
      'Status',
      'Action needed and current position',
      'Member lead',
      'Strategic lead',
      'Operational lead',
      'Deadline',
    ]);
    const firstRow = await page
      .locator('table.app-action-table tbody tr')
      .first()
      .locator('td')
      .allInnerTexts();
    expect(firstRow[2]).toContain('Not started');
    expect(firstRow[4]).toContain('Cllr Jackson');
    expect(firstRow[5]).toContain('GM (HR)');
    expect(firstRow[6]).toContain('L&D Team');
    // Status and RAG are words, not only colours; an event deadline is flagged.
    expect(await page.locator('main').innerText()).toContain('Depends on an event');
    await expectAccessible(page, 'plan');

    // Filter by status: only the at-risk action stays.
    await page.selectOption('#filter-status', 'at-risk');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 1 of 3 actions' }).waitFor();
    expect(await page.locator('table.app-action-table tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing all 3 actions' }).waitFor();

    await page.getByRole('link', { name: demo.targetTitle }).click();
    await page.getByRole('heading', { level: 1, name: demo.targetTitle }).waitFor();
    await expectAccessible(page, 'action');

    // An empty update is refused with a GOV.UK error summary.
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.locator('.govuk-error-summary').getByText('Write what has happened').waitFor();

    await page.getByLabel('Completed').check();
    await page.getByLabel('What has happened').fill('Programme launched with all three groups signed up.');
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Progress update added').waitFor();
    await page
      .locator('.app-history')
      .getByText('Programme launched with all three groups signed up.')
      .waitFor();
    await page.locator('.app-tags-line').getByText('Completed').waitFor();
    // The form is ready for the next update from the status just reported, not the one the page opened with.
    expect(await page.getByLabel('Completed').isChecked()).toBe(true);
    await expectAccessible(page, 'action-after-update');

    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('[data-dashboard-ready]').waitFor();
    // Completed work is no longer due: the dashboard counts one fewer.
    expect(await headline(page, 'due-soon')).toBe(dueSoonBefore - 1);
    expect(await headline(page, 'overdue')).toBe(overdueBefore);
  });

  it('keeps both versions when someone else saved the action first, and saves the chosen one', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'editor@harrow.demo');
    const actionId = demo.actionIds[1]!;
    await page.goto(`${e.url}/councils/harrow/actions/${actionId}`);
    await page.getByRole('button', { name: 'Edit this action' }).click();
    await page.getByLabel('Title').fill('Agree the workforce plan with cabinet');

    // Meanwhile a colleague saves a different title.
    const api = e.as('admin@harrow.demo');
    const current = await api('GET', `/api/v1/councils/harrow/actions/${actionId}`);
    await api('PATCH', `/api/v1/councils/harrow/actions/${actionId}`, {
      version: current.version,
      title: 'Agree the corporate workforce plan (colleague)',
    });

    await page.getByRole('button', { name: 'Save changes' }).click();
    const panel = page.locator('.app-conflict');
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('Agree the workforce plan with cabinet');
    expect(text).toContain('Agree the corporate workforce plan (colleague)');
    await expectAccessible(page, 'action-conflict');

    await panel.getByRole('button', { name: 'Save my version' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Action saved').waitFor();
    const saved = await api('GET', `/api/v1/councils/harrow/actions/${actionId}`);
    expect(saved.title).toBe('Agree the workforce plan with cabinet');
    expect(saved.version).toBe(current.version + 2);
  });

  it('can be used by keyboard alone: sign in, open the plan, add an update', async () => {
    const page = await newPage();
    await page.goto(`${e.url}/sign-in`);
    /** Presses Tab until the focused element matches: proves it is reachable by keyboard. */
    const tab = async (want: { attr?: [string, string]; link?: string; id?: string }) => {
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Tab');
        const hit = await page.evaluate((w) => {
          const el = document.activeElement;
          if (!el) return false;
          if (w.id) return el.id === w.id;
          if (w.attr) return el.getAttribute(w.attr[0]) === w.attr[1];
          return el.tagName === 'A' && el.textContent?.trim() === w.link;
        }, want);
        if (hit) return;
      }
      throw new Error(`not reachable by Tab: ${JSON.stringify(want)}`);
    };

    await page.locator('button[data-email]').first().waitFor();
    await tab({ attr: ['data-email', 'editor@harrow.demo'] });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/councils\/harrow$/);
    await page.locator('[data-dashboard-ready]').waitFor();

    await tab({ link: demo.planTitle });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/plans/${demo.planId}$`));
    // Focus moves to the new page's heading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    const action = 'Align directorate business plans with the people strategy';
    await tab({ link: action });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: action }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    await tab({ attr: ['name', 'update-status'] });
    // Arrow keys move through a radio group: "On track" is the current status; one down is "At risk".
    await page.keyboard.press('ArrowDown');
    await tab({ id: 'update-narrative' });
    await page.keyboard.type('Directorates briefed; plans due after the restructure.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.govuk-notification-banner--success').getByText('Progress update added').waitFor();
    const latest = page.locator('.app-history__item').first();
    expect(await latest.innerText()).toContain('Directorates briefed');
    expect(await latest.innerText()).toContain('At risk');
  });

  it('has no axe violations on the other pages, at 320px and on a wide screen', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'admin@harrow.demo');
    const pages: Array<[string, string]> = [
      ['people', '/councils/harrow/people'],
      ['settings', '/councils/harrow/settings'],
      ['alert-preferences', '/councils/harrow/alert-preferences'],
      ['import', '/councils/harrow/import'],
      ['not-found', '/councils/somewhere-else'],
    ];
    for (const [name, path] of pages) {
      await page.goto(`${e.url}${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, name);
    }
    expect(await h1(page)).toBe('Page not found');

    // Settings: a bad number gets an error summary linked to the field.
    await page.goto(`${e.url}/councils/harrow/settings`);
    await page.getByLabel('“Due soon” means due within this many days').fill('500');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.govuk-error-summary a[href="#dueSoonDays"]').waitFor();
    await expectAccessible(page, 'settings-error');

    const narrow = await newPage(320);
    await signIn(narrow, e.url, 'viewer@harrow.demo');
    await narrow.locator('[data-dashboard-ready]').waitFor();
    // Nothing but the scrollable tables is wider than the screen.
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(320);
    await expectAccessible(narrow, 'dashboard-320');
    await narrow.goto(`${e.url}/councils/harrow/plans/${demo.planId}`);
    await narrow.locator('table.app-action-table').first().waitFor();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(narrow, 'plan-320');
    // A viewer sees no editing controls.
    expect(await narrow.getByRole('link', { name: 'Import a plan' }).count()).toBe(0);
  });

  it('imports a seed plan through the wizard', async () => {
    const seeds = fileURLToPath(SEEDS_DIR);
    const seed = readdirSync(seeds).find((f) => f.startsWith('001'))!;
    const page = await newPage();
    await signIn(page, e.url, 'editor@east-herts.demo');
    await page.goto(`${e.url}/councils/east-herts/import`);
    await page.getByLabel('Paste a table').check();
    await page.getByLabel('Paste the plan’s table').fill(readFileSync(join(seeds, seed), 'utf8'));
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check the import' }).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'import-preview');
    // East Herts has this plan already (the demo data): the preview says so, and the import waits for a tick.
    await page.getByLabel(/already has a plan called/).check();
    await page.getByRole('button', { name: 'Import this plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan imported' }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: /Open the imported plan|Go to the dashboard/ }).click();
    await page.locator('h1').waitFor();
  });

  it('names each milestone’s link to its action by the milestone, so no two links read alike', async () => {
    const call = e.as('editor@harrow.demo');
    const contents = await call('GET', `/api/v1/councils/harrow/plans/${demo.planId}/contents`);
    const action = contents.actions.find((a: { ref: string }) => a.ref === '1.2');
    // A second milestone of the action that already has milestone A: two links to one action.
    await call('POST', `/api/v1/councils/harrow/actions/${action.id}/milestones`, {
      ref: 'B',
      title: 'Cabinet signs the plan off',
    });
    const page = await newPage();
    await signIn(page, e.url, 'viewer@harrow.demo');
    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}`);
    const links = page.locator('section[aria-labelledby="milestones"] table a');
    await links.nth(1).waitFor();
    const names = await links.evaluateAll((as) => as.map((a) => a.textContent!.replace(/\s+/g, ' ').trim()));
    expect(names).toEqual(
      expect.arrayContaining([
        `1.2 ${action.title} (the action of milestone A: Consult trade unions)`,
        `1.2 ${action.title} (the action of milestone B: Cabinet signs the plan off)`,
      ]),
    );
    const all = await page.getByRole('link').evaluateAll((as) => as.map((a) => a.textContent!.trim()));
    for (const name of names) expect(all.filter((n) => n.replace(/\s+/g, ' ') === name)).toHaveLength(1);
    // The visible words are unchanged: what is added is for a screen reader's list of links.
    expect(await links.first().locator('.govuk-visually-hidden').count()).toBe(1);
    await expectAccessible(page, 'plan-milestone-links');
  });
});

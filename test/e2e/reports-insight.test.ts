import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectEveryColumnHeaded, expectNoPageScroll, pages } from './support/browser.js';
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
const EDITOR = 'editor@harrow.demo';
const ADMIN = 'admin@harrow.demo';
const H = '/api/v1/councils/harrow';

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  demo = await seedDemoPlan(e);
  const call = e.as(EDITOR);
  await call('POST', `${H}/plans/${demo.planId}/indicators`, {
    ref: 'PI 1',
    name: 'Staff turnover',
    unit: '%',
    goodDirection: 'down',
    targets: [
      { period: '2026-27 Q1', value: 12 },
      { period: '2026-27 Q2', value: 11 },
    ],
    actuals: [
      { period: '2026-27 Q1', value: 13.5 },
      { period: '2026-27 Q2', value: 10.8 },
    ],
  });
  await call('POST', `${H}/plans/${demo.planId}/periods/mid-year-2026-27/close`, {});
  await call('POST', `${H}/actions/${demo.targetActionId}/updates`, {
    narrative: 'Programme launched.',
    status: 'completed',
    period: 'Q3',
  });
  await call('POST', `${H}/plans/${demo.planId}/periods/2026-11/close`, {});
  // Enough changes to the overdue action for two pages of its history.
  for (let i = 1; i <= 21; i++)
    await call('POST', `${H}/actions/${demo.actionIds[1]}/updates`, {
      narrative: `Weekly note ${i}`,
      status: 'at-risk',
      period: 'Q3',
    });
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

describe('trends, search and history', { timeout: 90_000 }, () => {
  it('charts the plan and one theme over closed periods, each chart with its figures, loaded only there', async () => {
    const page = await tabs.open();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}`);
    await page.getByRole('heading', { level: 1, name: demo.planTitle }).waitFor();
    expect(scripts.some((u) => /\/trends-/.test(u))).toBe(false);

    await page.getByRole('link', { name: 'Trends over time' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trends' }).waitFor();
    const rag = page.getByTestId('rag-mix');
    await rag.locator('svg[role="img"] title').first().waitFor({ state: 'attached' });
    expect(scripts.some((u) => /\/trends-/.test(u))).toBe(true);
    const periods = await rag.locator('tbody th').allInnerTexts();
    expect(periods.slice(0, 2)).toEqual(['Mid-year 2026-27', 'November 2026']);
    expect(periods[2]).toMatch(/^Now \(/);
    await expectEveryColumnHeaded(page, '[data-testid="rag-mix"] table');
    for (const id of ['overdue-trend', 'burn-up']) {
      expect(await page.getByTestId(id).locator('svg[role="img"]').count()).toBe(1);
      await expectEveryColumnHeaded(page, `[data-testid="${id}"] table`);
    }
    const indicator = page
      .locator('section.app-trend')
      .filter({ hasText: 'Indicator: PI 1 Staff turnover (%)' });
    expect(await indicator.locator('tbody').innerText()).toMatch(/2026-27 Q1\s+12\s+13\.5/);
    expect(await page.locator('main').innerText()).not.toMatch(/\b(on-track|not-started|off-track)\b/);
    await expectAccessible(page, 'trends');

    await page.selectOption('#theme', { label: '1. Leadership' });
    await page.getByRole('button', { name: 'Show trends' }).click();
    await page.waitForURL(/\?theme=/);
    // The theme's trends replace the plan's: indicators are the plan's, so they go.
    await expect
      .poll(() => page.locator('section.app-trend').filter({ hasText: 'Indicator:' }).count())
      .toBe(0);
    await page.getByTestId('rag-mix').waitFor();
    const now = await page.getByTestId('rag-mix').locator('tbody tr').last().innerText();
    expect(
      now
        .split('\t')
        .slice(1)
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(2);
    await expectAccessible(page, 'trends-theme');
  });

  it('finds items from the header search, marks the matched words and opens each result', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, 'viewer@harrow.demo');
    await page.goto(`${e.url}/councils/harrow`);
    await page.fill('#header-q', 'trade unions');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/councils\/harrow\/search\?q=trade(%20|\+)unions$/);
    await page
      .getByTestId('search-count')
      .getByText(/results? for “trade unions”/)
      .waitFor();
    const hit = page.locator('.app-search-hit').filter({ hasText: 'Consult trade unions' }).first();
    expect(await hit.locator('.govuk-caption-s').innerText()).toBe('Milestone');
    expect((await hit.locator('h2 mark').allInnerTexts()).map((w) => w.toLowerCase())).toEqual([
      'trade',
      'unions',
    ]);
    await expectAccessible(page, 'search-results');
    await hit.getByRole('link').click();
    await page.waitForURL(/\/actions\/[0-9A-Z]{26}#milestone-/);
    await page.locator('.app-target').waitFor();

    await page.goto(`${e.url}/councils/harrow/search?q=corporate`);
    await page.getByTestId('search-count').waitFor();
    const kinds = await page.locator('.app-search-hit .govuk-caption-s').allInnerTexts();
    expect(kinds).toContain('Action');
    expect(kinds).toContain('Plan');
    await page.goto(`${e.url}/councils/harrow/search?q=zzqqxx`);
    await page.getByTestId('search-count').getByText('Nothing found for “zzqqxx”').waitFor();
    await expectAccessible(page, 'search-none');
  });

  it('shows every change to an action and its milestones in words, paged, read again after a save', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/actions/${demo.actionIds[1]}`);
    const changes = page.locator('ol[aria-label="Changes to this action, newest first"] > li');
    await changes.first().waitFor();
    expect(await changes.count()).toBe(20);
    expect(await changes.first().innerText()).toContain('Added a progress update: Weekly note 21');
    await page.getByRole('button', { name: 'Show older changes' }).click();
    await expect.poll(() => changes.count()).toBeGreaterThan(20);
    await expectAccessible(page, 'action-changes');

    await page.getByRole('button', { name: 'Edit this action' }).click();
    await page.getByLabel('Title').fill('Agree the workforce plan with cabinet');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Action saved').waitFor();
    await expect.poll(() => changes.first().innerText()).toContain('Changed an action');
    const top = await changes.first().innerText();
    expect(top).toMatch(
      /Title\s+was\s+Agree the corporate workforce plan\s*→?\s*, now\s*Agree the workforce plan with cabinet/,
    );
    expect(top).toContain('by Editor (London Borough of Harrow)');

    await page.getByText('Changes to milestone A Consult trade unions').click();
    const ms = page.locator(
      'ol[aria-label="Changes to milestone A Consult trade unions, newest first"] > li',
    );
    await ms.first().waitFor();
    const moved = await ms.first().innerText();
    expect(moved).toContain('Changed a milestone');
    expect(moved).toMatch(/Due\s+was\s+Next fortnight \(\d{1,2} \w+ 20\d\d\).*now\s*In six weeks/s);
    await expectAccessible(page, 'milestone-changes');

    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}`);
    await page.getByRole('link', { name: 'Changes to this plan' }).click();
    const plan = page.locator('ol[aria-label="Changes to this plan, newest first"] > li');
    await plan.first().waitFor();
    const planText = await page.locator('ol[aria-label="Changes to this plan, newest first"]').innerText();
    expect(planText).toContain('Closed a reporting period: November 2026');
    expect(planText).toContain(`Added a plan: ${demo.planTitle}`);
  });

  it('filters the council’s audit trail by person, plan and date, for admins', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, ADMIN);
    await page.goto(`${e.url}/councils/harrow/settings`);
    await page.getByRole('link', { name: 'See every change in the audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const entries = page.locator('.app-change');
    await entries.first().waitFor();
    await expectAccessible(page, 'audit');

    await page.selectOption('#actor', { label: 'Editor (London Borough of Harrow)' });
    await page.selectOption('#item', { label: demo.planTitle });
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.waitForURL(/actor=.*item=/);
    await entries.first().waitFor();
    for (const text of await entries.allInnerTexts())
      expect(text).toContain('by Editor (London Borough of Harrow)');

    await page.fill('#from-day', '31');
    await page.fill('#from-month', '2');
    await page.fill('#from-year', '2026');
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.locator('.govuk-error-summary a[href="#from-day"]').waitFor();
    await expectAccessible(page, 'audit-error');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    await page.fill('#from-day', String(tomorrow.getUTCDate()));
    await page.fill('#from-month', String(tomorrow.getUTCMonth() + 1));
    await page.fill('#from-year', String(tomorrow.getUTCFullYear()));
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.getByText('No changes recorded.').waitFor();
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await entries.first().waitFor();
  });

  it('fits a phone: the new pages at 320px, no sideways scrolling but the tables’ own', async () => {
    const page = await tabs.open(320);
    await signIn(page, e.url, ADMIN);
    for (const [name, path, ready] of [
      ['reports', `/plans/${demo.planId}/reports`, '[data-testid="period-state"]'],
      ['trends', `/plans/${demo.planId}/trends`, '[data-testid="rag-mix"]'],
      ['search', '/search?q=leadership', '[data-testid="search-count"]'],
      ['audit', '/audit', '.app-change'],
      ['feeds', '/calendar-feeds', 'h1'],
    ] as const) {
      await page.goto(`${e.url}/councils/harrow${path}`);
      await page.locator(ready).first().waitFor();
      await expectNoPageScroll(page, 320, name);
      await expectAccessible(page, `${name}-320`);
    }
  });

  it('asks when a milestone was completed, not taking the day it was recorded', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/actions/${demo.actionIds[1]}`);
    await page.getByRole('button', { name: /^Change\s+milestone A/ }).click();
    await page.selectOption('#ms-edit-status', 'completed');
    const legend = page.getByRole('group', { name: 'When was it completed?' });
    await legend.waitFor();
    await page.fill('#ms-edit-done-day', '31');
    await page.fill('#ms-edit-done-month', '12');
    await page.fill('#ms-edit-done-year', '2099');
    await page.getByRole('button', { name: 'Save milestone' }).click();
    await page
      .locator('.govuk-error-summary a[href="#ms-edit-done-day"]')
      .getByText('cannot be in the future')
      .waitFor();
    await expectAccessible(page, 'milestone-completed-on-error');
    await page.fill('#ms-edit-done-day', '2');
    await page.fill('#ms-edit-done-month', '11');
    await page.fill('#ms-edit-done-year', '2026');
    await page.getByRole('button', { name: 'Save milestone' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Milestone saved').waitFor();
    const { items } = await e.as(EDITOR)('GET', `${H}/actions/${demo.actionIds[1]}/milestones`);
    expect(items.find((m: { ref: string }) => m.ref === 'A')).toMatchObject({
      status: 'completed',
      completedOn: '2026-11-02',
    });
  });

  it('asks why an action’s deadline moves later, and keeps the first agreed date beside it', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/actions/${demo.targetActionId}`);
    await page.getByRole('button', { name: 'Edit this action' }).click();
    await page.fill('#due', '31 March 2099');
    await page.getByLabel('Why is it moving later?').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .locator('.govuk-error-summary a[href="#dueReason"]')
      .getByText('Say why the deadline is moving later')
      .waitFor();
    await expectAccessible(page, 'action-rebaseline-error');
    await page.fill('#dueReason', 'Waiting for the new HR system');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Action saved').waitFor();
    const first = page.locator('.govuk-summary-list__row').filter({ hasText: 'First agreed due' });
    await first.getByText('Waiting for the new HR system').waitFor();
    expect(await first.innerText()).toContain('to 31 March 2099');
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const EDITOR = 'editor@harrow.demo';

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  demo = await seedDemoPlan(e);
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

/** The feed as a calendar app fetches it: no sign-in, the address is the credential. */
async function fetchFeed(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${e.url}${new URL(url).pathname}`);
  return { status: res.status, text: await res.text() };
}

/** Every app link in an ICS feed (folded lines joined first). */
const linksIn = (ics: string) => [
  ...new Set([...ics.replace(/\r?\n[ \t]/g, '').matchAll(/^URL[^:]*:(\S+)$/gm)].map((m) => m[1]!)),
];

async function makeFeed(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Make a calendar feed' }).click();
  const link = page.getByTestId('feed-link');
  await link.waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Your calendar feed is ready');
  const url = await page.inputValue('#feed-url');
  expect(url).toMatch(/\/calendar\/harrow\/[A-Za-z0-9_-]{43}\.ics$/);
  expect(await link.getByRole('link', { name: 'Subscribe in your calendar app' }).getAttribute('href')).toBe(
    url.replace(/^https?:/, 'webcal:'),
  );
  return url;
}

describe('calendar feeds and partnership views', { timeout: 90_000 }, () => {
  it('makes a plan’s feed whose every link opens the milestone’s page, lists it and stops it', async () => {
    const page = await tabs.open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}/reports`);
    await page.getByRole('heading', { name: 'Calendar feed of this plan’s milestones' }).waitFor();
    const url = await makeFeed(page);
    await page.getByRole('button', { name: 'Copy the address' }).click();
    await page.getByText('Address copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await page.getByTestId('feed-status').innerText()).toMatch(/^A feed is on, made .* by Editor/);
    await expectAccessible(page, 'feed-made');

    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    const links = linksIn(feed.text);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const { pathname, hash } = new URL(link);
      expect(pathname).toMatch(/^\/councils\/harrow\/actions\/[0-9A-Z]{26}$/);
      await page.goto(`${e.url}${pathname}${hash}`);
      await page.locator(`${hash}.app-target`).waitFor();
      expect(await page.locator('h1').innerText()).not.toBe('Page not found');
    }
    await expectAccessible(page, 'feed-link-opened');

    await page.goto(`${e.url}/councils/harrow`);
    await page.getByRole('link', { name: 'Your calendar feeds' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your calendar feeds' }).waitFor();
    const row = page.getByTestId('my-feeds').locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(`every milestone of ${demo.planTitle}`);
    await expectAccessible(page, 'my-feeds');
    await row.getByRole('button', { name: /^Stop/ }).click();
    await page.locator('.govuk-notification-banner--success').getByText('is stopped').waitFor();
    await page.getByText('You have no calendar feeds.').waitFor();
    expect((await fetchFeed(url)).status).toBe(404);
  });

  it('makes a person’s feed from their page, listing the milestones they lead', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    const people = await e.as(EDITOR)('GET', '/api/v1/councils/harrow/people');
    const hr = people.items.find((p: { name: string }) => p.name === 'Head of HR');
    await page.goto(`${e.url}/councils/harrow/people/${hr.id}`);
    await page.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    const url = await makeFeed(page);
    await expectAccessible(page, 'person-feed');
    const feed = await fetchFeed(url);
    expect(feed.text).toContain('Consult trade unions');
    await page.getByRole('button', { name: 'Stop the feed' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('The feed is stopped: its address no longer works.').waitFor();
    // The button pressed is gone: focus goes to the message saying what happened, never the page's body.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('The feed is stopped: its address no longer works.');
    expect((await fetchFeed(url)).status).toBe(404);
  });

  it('shows a partner reader overdue actions as actions among the milestones, and plans side by side', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, 'partner@hr-shared-service.demo');
    await page.goto(`${e.url}/partnerships/hr-shared-service/milestones`);
    const rows = page.locator('table[data-testid="milestones"] tbody tr');
    await rows.first().waitFor();
    const eastHertsActions = rows
      .filter({ hasText: 'Action' })
      .and(page.locator('[data-council="east-herts"]'));
    expect(await eastHertsActions.count()).toBeGreaterThan(0);
    const kinds = await rows.locator('.app-item-kind').allInnerTexts();
    expect(new Set(kinds)).toEqual(new Set(['Action', 'Milestone']));
    await expectAccessible(page, 'partnership-milestones-kinds');

    await page.goto(`${e.url}/partnerships/hr-shared-service/compare?kind=people-strategy`);
    const compared = page.locator('table[data-testid="compare-plans"]');
    await compared.waitFor();
    const text = await compared.innerText();
    expect(text).toContain('London Borough of Harrow');
    expect(text).toContain('East Hertfordshire District Council');
  });
});

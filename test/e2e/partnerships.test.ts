import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectEveryColumnHeaded,
  expectNoPageScroll,
  pages,
  tabTo,
} from './support/browser.js';
import {
  EAST_HERTS,
  HARROW,
  PARTNER,
  PARTNERSHIP,
  type PartnershipData,
  seedPartnershipData,
} from './support/partnership-data.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
let data: PartnershipData;
const tabs = pages(() => browser);

const BASE = `/partnerships/${PARTNERSHIP}`;
const PARTNERSHIP_NAME = 'HR Shared Service (Harrow and East Herts)';

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  data = await seedPartnershipData(e);
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

const rowHeads = (table: Locator) => table.locator('tbody th[scope="row"]').allInnerTexts();
const overviewTable = (page: Page) => page.locator('table.app-overview-table');
const serviceNav = (page: Page, name: string) =>
  page.locator('.govuk-service-navigation').getByRole('link', { name, exact: true });
/** The list's count of what it shows: actions and milestones, each counted as what it is. */
const COUNT =
  /^Showing (?:(\d+) actions?)?(?: and )?(?:(\d+) milestones?)?(?: matching your filters)?(?: \((\d+) overdue, (\d+) re-baselined\))?$/;
const counted = async (page: Page) => {
  const text = await page.locator('#result-count').innerText();
  const m = COUNT.exec(text);
  if (!m || (!m[1] && !m[2])) throw new Error(`no count in "${text}"`);
  return { actions: Number(m[1] ?? 0), milestones: Number(m[2] ?? 0), text };
};
const resultCount = async (page: Page) => {
  const c = await counted(page);
  return c.actions + c.milestones;
};
const milestoneCouncils = (page: Page) =>
  page
    .locator('table[data-testid="milestones"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-council')));

async function openOverview(page: Page) {
  await page.goto(`${e.url}${BASE}`);
  await overviewTable(page).waitFor();
}

describe('partnership pages', { timeout: 180_000 }, () => {
  it('shows a partner reader the consenting councils, their milestones, plans side by side, and a shared plan read-only', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, PARTNER);
    // A partner reader with one partnership lands on its overview.
    await page.waitForURL(new RegExp(`${BASE}$`));
    await overviewTable(page).waitFor();
    expect(await page.locator('h1').innerText()).toBe(PARTNERSHIP_NAME);
    expect(await rowHeads(overviewTable(page))).toEqual([EAST_HERTS, HARROW, 'All councils']);
    await expectEveryColumnHeaded(page, 'table.app-overview-table');
    const headers = await overviewTable(page).locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.replace(/\s+/g, ' '))).toEqual([
      'Council',
      'Plans shared',
      'Actions',
      'Actions by status',
      'Actions by RAG',
      'Overdue',
      'Re-baselined (slipping)',
      'Stale',
      'Due in the next 30 days',
      'Direction of travel',
    ]);
    // Status, RAG and direction of travel are words: Harrow's test plan has an at-risk, red action.
    const harrow = overviewTable(page).locator('tbody tr', {
      has: page.getByRole('rowheader', { name: HARROW }),
    });
    const harrowText = await harrow.innerText();
    expect(harrowText).toContain('at risk');
    expect(harrowText).toContain('red');
    // No demo plan has a closed reporting period yet: travel is not measured, and the row says so.
    expect(harrowText).toMatch(/\d+ not yet compared: no reporting period closed/);
    // Each council's shared plans link to the read-only plan page.
    expect(await page.getByRole('link', { name: data.harrow.planTitle }).getAttribute('href')).toBe(
      `${BASE}/councils/harrow/plans/${data.harrow.planId}`,
    );
    expect(await page.getByRole('link', { name: data.eastHertsPlanTitle }).getAttribute('href')).toBe(
      `${BASE}/councils/east-herts/plans/${data.eastHertsPlanId}`,
    );
    // The service navigation names the partnership and moves between its pages.
    expect(await serviceNav(page, 'Overview').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('.govuk-service-navigation__service-name').innerText()).toBe(PARTNERSHIP_NAME);
    await expectAccessible(page, 'partnership-overview');

    // The one setting a partner reader has: their own weekly email of what slipped (the demo reader has it on).
    expect(await page.getByLabel('Yes, send me the weekly email').isChecked()).toBe(true);
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Save email setting' }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText('You will not get the weekly email')
      .waitFor();
    await expectAccessible(page, 'partnership-digest-saved');
    expect((await e.as(PARTNER)('GET', `/api/v1${BASE}/me/digest`)).weeklyDigest).toBe(false);
    await page.reload();
    await page.getByLabel('No', { exact: true }).waitFor();
    expect(await page.getByLabel('No', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Yes, send me the weekly email').check();
    await page.getByRole('button', { name: 'Save email setting' }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText('You will get the weekly email')
      .waitFor();
    expect((await e.as(PARTNER)('GET', `/api/v1${BASE}/me/digest`)).weeklyDigest).toBe(true);
    expect((await e.as(PARTNER)('GET', `/api/v1${BASE}/me/digest`)).weeklyDigest).toBe(true);

    // Combined milestones, both councils.
    await serviceNav(page, 'Overdue and re-baselined').click();
    await page.waitForURL(new RegExp(`${BASE}/milestones$`));
    await page.locator('#result-count', { hasText: 'Showing' }).waitFor();
    const all = await resultCount(page);
    expect(new Set(await milestoneCouncils(page))).toEqual(new Set(['harrow', 'east-herts']));
    const table = page.locator('table[data-testid="milestones"]');
    // Overdue actions are listed too (a plan may date its actions, not milestones): the heading and the
    // count say so, and count each as what it is.
    expect(await page.locator('h1').innerText()).toBe('Overdue and re-baselined actions and milestones');
    const itemKinds = await table.locator('tbody th .app-item-kind').allInnerTexts();
    const actionRows = itemKinds.filter((k) => k === 'Action').length;
    expect(actionRows).toBeGreaterThan(0);
    const count = await counted(page);
    expect([count.actions, count.milestones]).toEqual([actionRows, itemKinds.length - actionRows]);
    expect(count.text).toMatch(
      /^Showing \d+ actions? and \d+ milestones? \(\d+ overdue, \d+ re-baselined\)$/,
    );
    expect(await table.innerText()).toContain(data.eastHertsMilestone);
    const slipped = table.locator('tbody tr', { hasText: 'Consult trade unions' });
    expect(await slipped.innerText()).toMatch(/moved 28 days later than first agreed/);
    await expectEveryColumnHeaded(page, 'table[data-testid="milestones"]');
    await expectAccessible(page, 'partnership-milestones');

    // Filter by council: the address and the count change.
    await page.getByRole('checkbox', { name: HARROW }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((u) => u.searchParams.get('council') === 'harrow');
    await expect.poll(() => resultCount(page)).toBeLessThan(all);
    const harrowOnly = await resultCount(page);
    expect(harrowOnly).toBeGreaterThan(0);
    expect(new Set(await milestoneCouncils(page))).toEqual(new Set(['harrow']));
    // The filtered view is a bookmark: opened afresh, it shows the same.
    await page.reload();
    await page.locator('#result-count', { hasText: 'Showing' }).waitFor();
    expect(await resultCount(page)).toBe(harrowOnly);
    expect(await page.getByRole('checkbox', { name: HARROW }).isChecked()).toBe(true);

    // A due window that ends before it starts gets an error summary, and the address stays as it was.
    const before = page.url();
    await page.getByRole('group', { name: 'Due from' }).getByLabel('Day').fill('1');
    await page.getByRole('group', { name: 'Due from' }).getByLabel('Month').fill('6');
    await page.getByRole('group', { name: 'Due from' }).getByLabel('Year').fill('2027');
    await page.getByRole('group', { name: 'Due to' }).getByLabel('Day').fill('1');
    await page.getByRole('group', { name: 'Due to' }).getByLabel('Month').fill('1');
    await page.getByRole('group', { name: 'Due to' }).getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const summaryLink = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Due to must be the same as or after due from' });
    await summaryLink.waitFor();
    expect(await summaryLink.getAttribute('href')).toBe('#to-day');
    expect(page.url()).toBe(before);
    await expectAccessible(page, 'partnership-milestones-error');
    await summaryLink.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('to-day');

    // Side by side: choose a kind of plan among those shared.
    await serviceNav(page, 'Side by side').click();
    await page.waitForURL(new RegExp(`${BASE}/compare$`));
    await page.getByRole('button', { name: 'Compare' }).waitFor();
    const kinds = await page.locator('.govuk-radios__label').allInnerTexts();
    expect(kinds).toEqual(['People strategy', 'Peer review action plan']);
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('.govuk-error-summary').getByText('Choose a kind of plan to compare').waitFor();
    await page.getByLabel('Peer review action plan').check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'peer-review');
    const plans = page.locator('table[data-testid="compare-plans"]');
    await plans.waitFor();
    expect(await rowHeads(plans)).toEqual([EAST_HERTS, HARROW]);
    await expectEveryColumnHeaded(page, 'table[data-testid="compare-plans"]');
    await expectEveryColumnHeaded(page, 'table[data-testid="compare-themes"]');
    const themeHeads = await page.locator('table[data-testid="compare-themes"] thead th').allInnerTexts();
    expect(themeHeads[2]).toBe(`${HARROW}: ${data.harrow.planTitle}`);
    expect(await page.locator('h1').innerText()).toBe('Side by side: Peer review action plan');
    await expectAccessible(page, 'partnership-compare');

    // A shared plan, read-only: its actions with status and RAG in words, its milestones, nothing to edit.
    await plans.getByRole('link', { name: data.harrow.planTitle }).click();
    await page.getByRole('heading', { level: 1, name: data.harrow.planTitle }).waitFor();
    const main = page.locator('main');
    await main.locator('table.app-action-table').first().waitFor();
    const text = await main.innerText();
    for (const words of ['At risk', 'Red', 'Not started', 'Depends on an event', 'Consult trade unions'])
      expect(text).toContain(words);
    expect(await page.locator('.govuk-caption-l').innerText()).toContain(HARROW);
    expect(await main.locator('button, input, select, textarea, form').count()).toBe(0);
    expect(await main.locator('a[href^="/councils/"]').count()).toBe(0);
    expect(await serviceNav(page, 'Overview').getAttribute('aria-current')).toBe('true');
    expect(
      await page.locator('.govuk-breadcrumbs').getByRole('link', { name: PARTNERSHIP_NAME }).count(),
    ).toBe(1);
    await expectAccessible(page, 'partnership-plan');
  });

  it('reads at 320px, with no axe violations, on every partnership page', async () => {
    const page = await tabs.open(320);
    await signIn(page, e.url, PARTNER);
    const paths: Array<[string, string, string]> = [
      ['overview', BASE, 'table.app-overview-table'],
      ['milestones', `${BASE}/milestones`, 'table[data-testid="milestones"]'],
      ['milestones-filtered', `${BASE}/milestones?council=east-herts`, 'table[data-testid="milestones"]'],
      ['compare', `${BASE}/compare`, 'form'],
      ['compare-kind', `${BASE}/compare?kind=people-strategy`, 'table[data-testid="compare-themes"]'],
      ['plan', `${BASE}/councils/east-herts/plans/${data.eastHertsPlanId}`, 'table.app-action-table'],
      ['milestones-bad-address', `${BASE}/milestones?from=June`, '.govuk-error-summary'],
    ];
    for (const [name, path, ready] of paths) {
      await page.goto(`${e.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoPageScroll(page, 320, name);
      await expectAccessible(page, `partnership-${name}-320`);
    }
    // A date in the address that is not a date is explained, not sent to the API.
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Due from must be a real date');
    // Side by side, each table's heading is outside its sideways-scrolling region: whole at 320px.
    await page.goto(`${e.url}${BASE}/compare?kind=people-strategy`);
    const headings = page.locator('main h2', { hasText: /compared|side by side/ });
    await page.locator('table[data-testid="compare-themes"]').waitFor();
    expect(await headings.count()).toBe(2);
    const placed = await headings.evaluateAll((hs) =>
      hs.map((h) => ({
        scrolls: !!h.closest('.app-table-scroll'),
        fits: h.getBoundingClientRect().right <= 320,
      })),
    );
    expect(placed).toEqual([
      { scrolls: false, fits: true },
      { scrolls: false, fits: true },
    ]);
    // The tables keep their names.
    await page.getByRole('table', { name: /^People strategy: \d+ plans compared$/ }).waitFor();

    const admin = await tabs.open(320);
    await signIn(admin, e.url, 'admin@harrow.demo');
    await admin.goto(`${e.url}/councils/harrow/partnerships`);
    await admin.locator(`[data-partnership="${PARTNERSHIP}"]`).waitFor();
    await expectNoPageScroll(admin, 320, 'consent');
    await expectAccessible(admin, 'consent-320');
  });

  it('lets a member council’s admin stop sharing and share chosen plans again; partners see it on reload', async () => {
    const partner = await tabs.open();
    await signIn(partner, e.url, PARTNER);
    await overviewTable(partner).waitFor();
    expect(await rowHeads(overviewTable(partner))).toEqual([EAST_HERTS, HARROW, 'All councils']);

    const admin = await tabs.open();
    await signIn(admin, e.url, 'admin@east-herts.demo');
    await admin.waitForURL(/\/councils\/east-herts$/);
    await serviceNav(admin, 'Partnerships').click();
    await admin.getByRole('heading', { level: 1, name: 'Sharing with partnerships' }).waitFor();
    const card = admin.locator(`[data-partnership="${PARTNERSHIP}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain('Sharing all plans');
    // What partners will and will not see is said in plain words.
    const about = await admin.locator('main').innerText();
    expect(about).toContain('If you share plans, partner readers will see');
    expect(about).toContain('They will not see');
    await expectAccessible(admin, 'consent');

    // Cancelling the confirmation changes nothing and puts focus back on the button that opened it.
    await card.getByRole('button', { name: /^Stop sharing/ }).click();
    await card.getByRole('heading', { name: /Are you sure you want to stop sharing/ }).waitFor();
    await card.getByRole('button', { name: 'Cancel' }).click();
    await admin.waitForFunction(() => document.activeElement?.textContent?.startsWith('Stop sharing'));
    expect(await card.innerText()).toContain('Sharing all plans');

    // Stop sharing, after a confirmation.
    await card.getByRole('button', { name: /^Stop sharing/ }).click();
    await card.getByRole('heading', { name: /Are you sure you want to stop sharing/ }).waitFor();
    await expectAccessible(admin, 'consent-revoke-confirm');
    await card.getByRole('button', { name: 'Yes, stop sharing' }).click();
    await admin
      .locator('.govuk-notification-banner--success')
      .getByText(`${PARTNERSHIP_NAME} can no longer see ${EAST_HERTS}’s plans`)
      .waitFor();
    await card.getByText('Not sharing: access stopped').waitFor();
    await expectAccessible(admin, 'consent-revoked');

    // The partner's next page has no East Herts: no row, no name, no milestones.
    await partner.reload();
    await overviewTable(partner).waitFor();
    expect(await rowHeads(overviewTable(partner))).toEqual([HARROW, 'All councils']);
    expect(await partner.locator('main').innerText()).not.toContain('East Hertfordshire');
    // Its plan's address, opened again, says the plan is no longer shared and leads back to the overview.
    await partner.goto(`${e.url}${BASE}/councils/east-herts/plans/${data.eastHertsPlanId}`);
    await partner.locator('[data-not-shared]').waitFor();
    expect(await partner.locator('h1').innerText()).toBe('Plan not shared with the partnership');
    expect(await partner.locator('main').innerText()).not.toMatch(/Page not found|your council/);
    await expectAccessible(partner, 'partnership-plan-not-shared');
    await partner.getByRole('link', { name: 'Go to the partnership overview' }).click();
    await overviewTable(partner).waitFor();
    await partner.goto(`${e.url}${BASE}/milestones`);
    await partner.locator('#result-count', { hasText: 'Showing' }).waitFor();
    expect(new Set(await milestoneCouncils(partner))).toEqual(new Set(['harrow']));
    expect(await partner.locator('main').innerText()).not.toContain('East Hertfordshire');

    // Share again, chosen plans only: choosing none is refused first.
    await card.getByRole('button', { name: /^Share plans/ }).click();
    await card.getByLabel('Only the plans I choose').check();
    await card.getByRole('button', { name: `Share with ${PARTNERSHIP_NAME}` }).click();
    await admin.locator('.govuk-error-summary').getByText('Choose at least one plan to share').waitFor();
    await expectAccessible(admin, 'consent-choose-error');
    await card.getByLabel(data.eastHertsPlanTitle).check();
    await card.getByRole('button', { name: `Share with ${PARTNERSHIP_NAME}` }).click();
    await admin
      .locator('.govuk-notification-banner--success')
      .getByText(`${EAST_HERTS} now shares 1 chosen plan with ${PARTNERSHIP_NAME}`)
      .waitFor();
    await card.getByText('Sharing chosen plans').waitFor();
    expect(await card.innerText()).toContain(data.eastHertsPlanTitle);
    const api = e.as('admin@east-herts.demo');
    const consents = await api('GET', '/api/v1/councils/east-herts/partnerships');
    expect(consents.items[0]).toMatchObject({
      partnershipId: PARTNERSHIP,
      status: 'granted',
      scope: { planIds: [data.eastHertsPlanId] },
    });

    // East Herts is back for the partner, with only the chosen plan.
    await openOverview(partner);
    expect(await rowHeads(overviewTable(partner))).toEqual([EAST_HERTS, HARROW, 'All councils']);
    expect(await partner.locator('[data-council="east-herts"] a').allInnerTexts()).toEqual([
      data.eastHertsPlanTitle,
    ]);

    // Someone else changes it meanwhile: a 409 says so and the page shows the latest.
    await card.getByRole('button', { name: /^Change what is shared/ }).click();
    await api('PUT', `/api/v1/councils/east-herts/partnerships/${PARTNERSHIP}/consent`, {
      status: 'granted',
      scope: 'all',
      version: consents.items[0].version,
    });
    await card.getByLabel('All plans').check();
    await card.getByRole('button', { name: `Share with ${PARTNERSHIP_NAME}` }).click();
    await admin.locator('.govuk-error-summary', { hasText: 'Someone else changed this' }).waitFor();
    await card.getByText('Sharing all plans').waitFor();
    await expectAccessible(admin, 'consent-conflict');
  });

  it('can filter the combined milestones by keyboard alone', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, PARTNER);
    await page.goto(`${e.url}${BASE}/milestones`);
    await page.locator('#result-count', { hasText: 'Showing' }).waitFor();
    const all = await resultCount(page);

    await tabTo(page, { id: 'council-harrow' });
    await page.keyboard.press('Space');
    await tabTo(page, { id: 'filter-lead' });
    await page.keyboard.type('GM (HR)');
    await tabTo(page, { tag: 'BUTTON', text: 'Apply filters' });
    await page.keyboard.press('Enter');
    await page.waitForURL(
      (u) => u.searchParams.get('council') === 'harrow' && u.searchParams.get('lead') === 'GM (HR)',
    );
    await expect.poll(() => resultCount(page)).toBeLessThan(all);
    // Focus stays on the form's button, so the next Tab carries on from there.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Apply filters');
    expect(new Set(await milestoneCouncils(page))).toEqual(new Set(['harrow']));
    const leads = await page
      .locator('table[data-testid="milestones"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.lastElementChild?.textContent ?? ''));
    for (const l of leads) expect(l).toContain('GM (HR)');
    expect(await page.locator('table[data-testid="milestones"]').innerText()).toContain(
      'Consult trade unions',
    );

    // A date that is not real: the error summary takes focus and its link leads to the field.
    await tabTo(page, { id: 'from-day' }, { back: true });
    await page.keyboard.type('31');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2027');
    await tabTo(page, { tag: 'BUTTON', text: 'Apply filters' });
    await page.keyboard.press('Enter');
    await page.locator('.govuk-error-summary').getByText('Due from must be a real date').waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    await tabTo(page, { tag: 'A', text: 'Due from must be a real date' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('from-day');

    // Clearing the filters by keyboard shows every milestone again.
    await tabTo(page, { tag: 'A', text: 'Clear filters' });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${BASE}/milestones$`));
    await expect.poll(() => resultCount(page)).toBe(all);
    expect(await page.getByRole('checkbox', { name: HARROW }).isChecked()).toBe(false);
  });

  it('labels the combined milestones’ theme filter in the plans’ own word when they agree, else “Group”', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, PARTNER);
    const themeLabel = () => page.locator('label[for="filter-theme"]').innerText();
    const themeHint = () => page.locator('#filter-theme-hint').innerText();
    // Both councils: a people strategy's key priorities and a peer review's headings, so a neutral word,
    // with the plans' own words in the hint.
    await page.goto(`${e.url}${BASE}/milestones`);
    await page.locator('#result-count', { hasText: 'Showing' }).waitFor();
    expect(await themeLabel()).toBe('Group');
    const hint = await themeHint();
    expect(hint).toMatch(/^An? .*, as each plan calls it: a number, such as 2, or words from its title$/);
    expect(hint).toContain('key priority');
    expect(hint).toContain('heading');
    await page.getByLabel('Group').waitFor();
    expect(await page.locator('form.app-filters-form').innerText()).not.toMatch(/theme/i);
    await expectAccessible(page, 'partnership-milestones-group');

    // Only East Herts' people strategy shown: its word, "Key priority", labels the field.
    const lead = encodeURIComponent('Head of HR (East Herts)');
    await page.goto(`${e.url}${BASE}/milestones?lead=${lead}`);
    await page
      .locator('#result-count', {
        hasText: 'Showing 1 milestone matching your filters (1 overdue, 0 re-baselined)',
      })
      .waitFor();
    expect(await page.locator('table[data-testid="milestones"]').innerText()).toContain(
      'Key priority 1: Recruitment and retention',
    );
    expect(await themeLabel()).toBe('Key priority');
    expect(await themeHint()).toBe('A number, such as 2, or words from its title');
    await page.getByLabel('Key priority').fill('x'.repeat(201));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Key priority must be 200 characters or fewer' })
      .waitFor();
    await expectAccessible(page, 'partnership-milestones-own-word');
    // A filter that matches nothing keeps the word the person has just read.
    await page.getByLabel('Key priority').fill('99');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No overdue or re-baselined action or milestone matches these filters.').waitFor();
    expect(await themeLabel()).toBe('Key priority');
  });
});

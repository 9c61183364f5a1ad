import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoPageScroll, pages, successBanner } from './support/browser.js';
import type { DemoPlan } from './support/demo-plan.js';
import {
  type E2eStack,
  RESULTS,
  seedDemoPlan,
  signIn,
  startStackAndBrowser,
  stopStackAndBrowser,
} from './support/stack.js';

let e: E2eStack;
let browser: Browser;
let demo: DemoPlan;
const tabs = pages(() => browser);
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.demo';
const ADMIN = 'admin@harrow.demo';
const isoAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  demo = await seedDemoPlan(e);
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

/** The rating shown beside an action's status, and its reasons once "Why it is …" is opened. */
async function ratingOf(page: Page, actionId: string): Promise<{ rag: string; why: string }> {
  await page.goto(`${e.url}/councils/harrow/actions/${actionId}`);
  const tags = page.locator('.app-tags-line');
  await tags.waitFor();
  const rag = (await tags.locator('.govuk-tag').nth(1).innerText()).replace('RAG rating:', '').trim();
  await page.getByText(`Why it is ${rag}`).click();
  return { rag, why: await page.locator('.govuk-details__text').first().innerText() };
}

/**
 * Every cell of every card table is on screen: shown as a block under its column's name, inside the
 * viewport's width. The column headings themselves are only for screen readers.
 */
async function expectCards(page: Page, width: number, name: string) {
  const cells = await page.locator('table.app-cards').evaluateAll((tables) =>
    tables.flatMap((t) =>
      [...t.querySelectorAll('tbody td')].map((td) => {
        const r = td.getBoundingClientRect();
        return {
          text: (td as HTMLElement).innerText.trim().slice(0, 40),
          label: td.getAttribute('data-label'),
          display: getComputedStyle(td).display,
          shown: r.width > 0 && r.height > 0,
          left: r.left,
          right: r.right,
          before: getComputedStyle(td, '::before').content,
        };
      }),
    ),
  );
  expect(cells.length, `${name}: card cells`).toBeGreaterThan(0);
  for (const c of cells) {
    const where = `${name}: ${c.label} "${c.text}"`;
    expect(c.display, where).toBe('block');
    expect(c.left, where).toBeGreaterThanOrEqual(0);
    expect(c.right, where).toBeLessThanOrEqual(width);
    if (c.text) expect(c.shown, where).toBe(true);
    // Each filled cell is named by its column (a cell that only holds a button is named by it).
    if (c.label) expect(c.before, where).toBe(`"${c.label}"`);
  }
  await expectNoPageScroll(page, width, name);
}

/**
 * A plan of `kind` whose action table has eight columns, written as councils write them: long outcomes,
 * several leads, dated deadlines, corporate actions by year and a long progress update.
 */
async function eightColumnPlan(kind: 'people-strategy' | 'iip-assessment'): Promise<string> {
  const api = e.as(EDITOR);
  const plan = await api('POST', `${H}/plans`, {
    title: `Eight-column ${kind} plan (width test)`,
    kind,
    status: 'active',
    reportingPoints: [{ label: 'Q1 2026-27', date: isoAgo(10) }],
    themes: [{ ref: '1', title: 'Finding and keeping the right people with the right skills' }],
  });
  const leads = [
    { role: 'responsible', label: 'Head of People and Organisational Development' },
    { role: 'accountable', label: 'Assistant Director (Human Resources and Payroll)' },
  ];
  const long =
    'People will be able to choose benefits to suit their current needs and change their package as their needs change, across every directorate.';
  const ids: string[] = [];
  for (const [i, status] of (['not-started', 'on-track', 'at-risk'] as const).entries()) {
    const action = await api('POST', `${H}/plans/${plan.id}/actions`, {
      themeId: plan.themes[0].id,
      ref: `1.${i + 1}`,
      title: `Develop a flexible benefits package and a streamlined, professional recruitment service (${i + 1})`,
      outcome: long,
      constraints: 'Budget for 2026-27 not yet agreed by the Cabinet; trade union consultation required.',
      measureOfSuccess: 'Vacancy fill time down from 52 to 40 days; staff survey satisfaction above 70%.',
      leads,
      status,
      due: { text: 'Within the next year', kind: 'date', due: isoAgo(-300), precision: 'day' },
    });
    await api('POST', `${H}/actions/${action.id}/milestones`, {
      ref: 'A',
      title: 'Negotiate the flexible benefits scheme with the recognised trade unions',
      due: date(isoAgo(-120)),
    });
    ids.push(action.id);
  }
  await api('POST', `${H}/actions/${ids[2]}/updates`, {
    narrative:
      'Discussions on flexible benefits were included within the pay and grading review, but at that time they were rejected by the trade unions. This is now being considered again as part of the national agenda.',
    status: 'at-risk',
    rag: 'amber',
    period: 'Q1 2026-27',
  });
  return plan.id;
}

/** Where the Status column's heading and cells sit on the screen, and how wide the page and tables are. */
const statusColumn = (page: Page) =>
  page.evaluate(() => {
    const tables = [
      ...document.querySelectorAll<HTMLTableElement>('section.app-theme table.app-action-table'),
    ];
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { text: (el as HTMLElement).innerText.trim(), left: r.left, right: r.right, width: r.width };
    };
    return {
      columns: tables.map((t) => t.querySelectorAll('thead th').length),
      headers: tables.flatMap((t) =>
        [...t.querySelectorAll('thead th')].filter((th) => th.textContent === 'Status').map(box),
      ),
      cells: tables.flatMap((t) => [...t.querySelectorAll('td[data-label="Status"]')].map(box)),
      scrolled: [...document.querySelectorAll('section.app-theme .app-table-scroll')].map(
        (s) => s.scrollWidth - s.clientWidth,
      ),
      pageWidth: document.documentElement.scrollWidth,
    };
  });

describe('ratings, small screens and paper', { timeout: 120_000 }, () => {
  it('fits an eight-column plan into a 1280px window, Status on screen in words, and reflows at 320px', async () => {
    for (const kind of ['people-strategy', 'iip-assessment'] as const) {
      const planId = await eightColumnPlan(kind);
      const page = await tabs.open();
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, e.url, 'viewer@harrow.demo');
      await page.goto(`${e.url}/councils/harrow/plans/${planId}`);
      await page.locator('section.app-theme table.app-action-table tbody tr').first().waitFor();
      const at1280 = await statusColumn(page);
      expect(at1280.columns, kind).toEqual([8]);
      expect(at1280.headers, kind).toHaveLength(1);
      expect(at1280.cells, kind).toHaveLength(3);
      // No sideways scrolling, of the page or of the table's own region: every Status is in the window.
      expect(at1280.scrolled, kind).toEqual([0]);
      expect(at1280.pageWidth, kind).toBeLessThanOrEqual(1280);
      for (const c of [...at1280.headers, ...at1280.cells]) {
        expect(c.width, `${kind}: ${c.text}`).toBeGreaterThan(0);
        expect(c.left, `${kind}: ${c.text}`).toBeGreaterThanOrEqual(0);
        expect(c.right, `${kind}: ${c.text}`).toBeLessThanOrEqual(1280);
      }
      // Status and RAG in words, never colour alone.
      expect(at1280.cells.map((c) => c.text.replace(/\s+/g, ' '))).toEqual([
        expect.stringMatching(/^Not started RAG rating: \w+/),
        expect.stringMatching(/^On track RAG rating: \w+/),
        expect.stringMatching(/^At risk RAG rating: \w+/),
      ]);
      await expectAccessible(page, `plan-8-columns-${kind}-1280`);

      // WCAG 1.4.10: at 320px the table becomes cards, Status among every cell on screen and named.
      await page.setViewportSize({ width: 320, height: 800 });
      await expectCards(page, 320, `${kind} plan at 320px`);
      await page.locator('td[data-label="Status"]').first().waitFor();
      await expectAccessible(page, `plan-8-columns-${kind}-320`);
    }
  });

  it('rates an action from its milestones in words, by the council’s rules, and reads lateness as people say it', async () => {
    const api = e.as(EDITOR);
    const action = await api('POST', `${H}/plans/${demo.planId}/actions`, {
      ref: '9',
      title: 'On track, but its milestone is not',
      status: 'on-track',
    });
    await api('POST', `${H}/actions/${action.id}/milestones`, {
      ref: 'M',
      title: 'Consult staff',
      due: date(isoAgo(45)),
    });
    // Left since the plan was imported long ago: 13 years, not 4,968 days.
    await api('POST', `${H}/plans/${demo.planId}/actions`, {
      ref: '10',
      title: 'Review the staff handbook',
      status: 'not-started',
      due: date(isoAgo(4968)),
    });
    const page = await tabs.open();
    await signIn(page, e.url, 'viewer@harrow.demo');
    const red = await ratingOf(page, action.id);
    expect(red.rag).toBe('Red');
    expect(red.why).toMatch(/Milestone M is 6 weeks late \(due \d+ \w+ 20\d\d\)/);
    expect(await page.locator('main').innerText()).not.toMatch(/on-track|not-started|off-track|\bred\b/);
    await expectAccessible(page, 'action-why-red');
    await page.goto(`${e.url}/councils/harrow`);
    await page.locator('[data-dashboard-ready]').waitFor();
    const overdueSection = page.locator('section[aria-labelledby="overdue"]');
    await overdueSection.getByRole('button', { name: /^Show all/ }).click();
    const overdue = await overdueSection.innerText();
    expect(overdue).toContain('6 weeks late');
    expect(overdue).toContain('13 years late');
    expect(overdue).not.toMatch(/\d{3,} days late/);
    // Harrow's plans came into PeoplePlan today: however old their periods, nothing could have been
    // reported here yet, so none of their actions is stale on the first day (core `planClock`).
    expect(
      Number(await page.locator('.app-headline a[href="#stale"] .app-headline__number').innerText()),
    ).toBe(0);

    // The council's rule, in settings with the default explained: milestones no longer count.
    const admin = await tabs.open();
    await signIn(admin, e.url, ADMIN);
    await admin.goto(`${e.url}/councils/harrow/settings`);
    await admin.getByText('By default an action is rated no better than its worst open milestone').waitFor();
    const milestones = admin.getByRole('group', {
      name: 'When one of an action’s open milestones is amber or red',
    });
    expect(await milestones.innerText()).toContain('The default');
    await milestones.getByLabel('They do not change the action’s rating').check();
    await expectAccessible(admin, 'settings-roll-up');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await successBanner(admin, 'Settings saved');
    const own = await ratingOf(page, action.id);
    expect(own).toEqual({ rag: 'Green', why: 'This action is reported as on track' });
  });

  it('shows every table as stacked cards at 375px, every field on screen', async () => {
    const api = e.as(EDITOR);
    const base = `${H}/plans/${demo.planId}`;
    await api('POST', `${base}/indicators`, {
      name: 'Average days to fill a vacancy, measured across every directorate',
      goodDirection: 'down',
      targets: [{ period: '2026-27 Q1', value: 40 }],
      actuals: [{ period: '2026-27 Q1', value: 52 }],
    });
    await api('POST', `${base}/risks`, { description: 'Agency spend rises', mitigation: 'Weekly review' });
    const page = await tabs.open(375);
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}`);
    await page.locator('section.app-theme').first().waitFor();
    await page.locator('section[aria-labelledby="risks"] tbody').waitFor();
    await expectCards(page, 375, 'plan at 375px');
    // The deadline, leads and status of the overdue action are on screen, each named.
    const overdue = page
      .locator('table.app-action-table tbody tr')
      .filter({ hasText: 'Agree the corporate workforce plan' });
    for (const label of ['Deadline', 'Strategic lead', 'Status']) {
      await overdue.locator(`td[data-label="${label}"]`).waitFor();
    }
    await expectAccessible(page, 'plan-375');

    await page.goto(`${e.url}/councils/harrow/actions/${demo.actionIds[1]}`);
    await page.locator('section[aria-labelledby="milestones"] tbody').waitFor();
    await expectCards(page, 375, 'action at 375px');
    await page.getByRole('button', { name: /^Change\s+milestone A/ }).click();
    await expectNoPageScroll(page, 375, 'milestone form at 375px');
    await expectAccessible(page, 'action-375');

    // The dashboard's overdue list: lateness in words, lead and status on screen.
    await page.goto(`${e.url}/councils/harrow`);
    await page.locator('[data-dashboard-ready]').waitFor();
    const late = page.locator('section[aria-labelledby="overdue"] tbody tr').first();
    await late.waitFor();
    expect(await late.innerText()).toMatch(/\b(days?|weeks?|months?|years?) late\b/);
    await expectCards(page, 375, 'dashboard at 375px');
    await expectAccessible(page, 'dashboard-375');

    // "My actions" for a contributor who is the plan's Head of HR.
    const people = await api('GET', `${H}/people`);
    const hr = people.items.find((p: { name: string }) => p.name === 'Head of HR');
    const admin = e.as(ADMIN);
    const members = await admin('GET', `${H}/members`);
    const me = members.items.find((m: { email: string }) => m.email === 'contributor@harrow.demo');
    await admin('PATCH', `${H}/members/${me.userSub}`, { version: me.version, personId: hr.id });
    const mine = await tabs.open(375);
    await signIn(mine, e.url, 'contributor@harrow.demo');
    await mine.goto(`${e.url}/councils/harrow/my-actions`);
    await mine.locator('[data-my-actions-ready]').waitFor();
    await expectCards(mine, 375, 'my actions at 375px');
    await expectAccessible(mine, 'my-actions-375');
  });

  it('prints each council’s plan on A4 landscape with every column, East Herts’ Deadline and Status among them', async () => {
    // A4 landscape is 297mm across; less the 12mm margins each side, 273mm: 1032 CSS pixels.
    const width = 1032;
    for (const c of ['east-herts', 'harrow', 'oxfordshire', 'kent']) {
      const viewer = e.as(`viewer@${c}.demo`);
      const plan = (await viewer('GET', `/api/v1/councils/${c}/plans`)).items[0];
      const page = await tabs.open(width);
      await signIn(page, e.url, `viewer@${c}.demo`);
      await page.goto(`${e.url}/councils/${c}/plans/${plan.id}`);
      await page.locator('section.app-theme').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      const headers = await page.locator('section.app-theme table thead th').evaluateAll((ths) =>
        ths.map((th) => {
          const r = th.getBoundingClientRect();
          return { text: (th as HTMLElement).innerText.trim(), right: r.right, width: r.width };
        }),
      );
      expect(headers.length, c).toBeGreaterThan(0);
      for (const h of headers) {
        expect(h.width, `${c}: ${h.text}`).toBeGreaterThan(0);
        expect(h.right, `${c}: ${h.text}`).toBeLessThanOrEqual(width);
      }
      if (c === 'east-herts') {
        const names = headers.map((h) => h.text);
        expect(names).toContain('Deadline');
        expect(names).toContain('Status');
        await page.screenshot({ path: `${RESULTS}/e2e-plan-print.png`, fullPage: true });
      }
      await expectNoPageScroll(page, width, `${c} plan printed`);
      // Controls are not printed.
      expect(await page.getByRole('button', { name: 'Print this plan' }).isVisible()).toBe(false);
    }
  });
});

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
import { expectAccessible, pages, tabTo } from './support/browser.js';
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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const left = (page: Page) => page.locator('[data-round-left]').innerText();
const roundStep = (page: Page) => page.locator('#round-step').innerText();

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

/** What has focus: never the body; on screen or not; in which table row or list item, counted from 0. */
const focus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const r = el?.getBoundingClientRect();
    const row = el?.closest('tr, li');
    return {
      body: !el || el === document.body,
      tag: el?.tagName ?? '',
      text: (el?.innerText ?? '').trim().replace(/\s+/g, ' '),
      onScreen: Boolean(r && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight),
      section: el?.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby') ?? '',
      row: row ? [...row.parentElement!.children].indexOf(row) : -1,
    };
  });

describe('what the keyboard-only trial found', { timeout: 120_000 }, () => {
  it('moves focus to the first row a dashboard list’s “Show all” reveals, and Tab goes on through the rest', async () => {
    const dash = await e.as(EDITOR)('GET', `${H}/dashboard`);
    expect(dash.overdue.length).toBeGreaterThan(12);
    const page = await on('/councils/harrow');
    await page.locator('[data-dashboard-ready]').waitFor();
    await tabTo(page, {
      text: `Show all ${dash.overdue.length} overdue actions and milestones`,
      tag: 'BUTTON',
    });
    await page.keyboard.press('Enter');
    // The button has gone; focus is on the eleventh row, the first the button revealed, and on screen.
    await expect
      .poll(() => focus(page))
      .toMatchObject({ body: false, tag: 'TR', section: 'overdue', row: 10, onScreen: true });
    expect((await focus(page)).text).toContain(dash.overdue[10].title);
    expect(await page.locator('section[aria-labelledby="overdue"] tbody tr').count()).toBe(
      dash.overdue.length,
    );
    await page
      .locator('section[aria-labelledby="overdue"] [role="status"]', {
        hasText: `Showing all ${dash.overdue.length} overdue actions and milestones`,
      })
      .waitFor();
    // Tab goes on from there: into the revealed row, not past the rows to the next section.
    await page.keyboard.press('Tab');
    expect(await focus(page)).toMatchObject({ tag: 'A', section: 'overdue', row: 10 });
    await expectAccessible(page, 'dashboard-overdue-all');

    // Every other list cut short does the same.
    for (const button of await page.getByRole('button', { name: /^Show all \d+/ }).all()) {
      const section = await button.evaluate((b) =>
        b.closest('section[aria-labelledby]')!.getAttribute('aria-labelledby'),
      );
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focus(page)).toMatchObject({ tag: 'TR', section, row: 10, onScreen: true });
    }
  });

  it('keeps the dashboard in place when the due-soon window changes, and focus on that section', async () => {
    const page = await on('/councils/harrow');
    await page.locator('[data-dashboard-ready]').waitFor();
    await page.locator('#days').focus();
    await page.locator('#days').selectOption('60');
    await page.keyboard.press('Tab');
    expect((await focus(page)).text).toBe('Show');
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('days') === '60');
    const dash = await e.as(EDITOR)('GET', `${H}/dashboard?days=60`);
    // Focus is on the section's heading, now saying the new window, where the person was; not at the top.
    await expect
      .poll(() => focus(page))
      .toMatchObject({
        body: false,
        tag: 'H2',
        text: `Due in the next 60 days (${dash.dueSoon.length})`,
        onScreen: true,
      });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await page.locator('#days').inputValue()).toBe('60');
    await expectAccessible(page, 'dashboard-due-60');
  });

  it('titles every page whose subject cannot be found “Page not found”, council and partnership alike', async () => {
    const missing = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const { planId } = await latePlan();
    const NOT_SHARED = 'Plan not shared with the partnership';
    const SHARED = 'HR Shared Service (Harrow and East Herts)';
    const cases: Array<[string, string, string?]> = [
      ['partner@hr-shared-service.demo', '/partnerships/other-partnership'],
      ['partner@hr-shared-service.demo', '/partnerships/other-partnership/milestones'],
      ['partner@hr-shared-service.demo', '/partnerships/other-partnership/compare'],
      // Kent is not in the partnership; Harrow is, but has no such plan. To a reader of the partnership,
      // either is a plan not shared with it (said so, with the way back to its overview).
      [
        'partner@hr-shared-service.demo',
        `/partnerships/hr-shared-service/councils/kent/plans/${planId}`,
        NOT_SHARED,
      ],
      [
        'partner@hr-shared-service.demo',
        `/partnerships/hr-shared-service/councils/harrow/plans/${missing}`,
        NOT_SHARED,
      ],
      [EDITOR, '/councils/kent'],
      [EDITOR, `/councils/harrow/plans/${missing}`],
      [EDITOR, `/councils/harrow/plans/${missing}/reports`],
      [EDITOR, `/councils/harrow/actions/${missing}`],
      // An address cut off or mistyped: its id could name nothing, so it is not found either.
      [EDITOR, `/councils/harrow/actions/${missing.slice(0, 20)}`],
      [
        'partner@hr-shared-service.demo',
        '/partnerships/hr-shared-service/councils/harrow/plans/plan-1',
        NOT_SHARED,
      ],
    ];
    const signedIn = new Map<string, Page>();
    for (const [email, path, heading = 'Page not found'] of cases) {
      let page = signedIn.get(email);
      if (!page) {
        page = await tabs.open();
        await signIn(page, e.url, email);
        signedIn.set(email, page);
      }
      await page.goto(`${e.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.title(), path).toBe(
        heading === NOT_SHARED ? `${NOT_SHARED} – ${SHARED} – PeoplePlan` : 'Page not found – PeoplePlan',
      );
      await expectAccessible(page, `not-found-${path.split('/').slice(1, 4).join('-')}`);
    }
  });

  it('names the council or partnership in every page’s title, after the page', async () => {
    const HARROW = 'London Borough of Harrow';
    const SHARED = 'HR Shared Service (Harrow and East Herts)';
    const { planId, title } = await latePlan();
    const contents = await e.as(EDITOR)('GET', `${H}/plans/${planId}/contents`);
    const action = contents.actions[0];
    const cases: Array<[string, string, string]> = [
      ['admin@harrow.demo', '/councils/harrow', `Dashboard – ${HARROW}`],
      ['admin@harrow.demo', '/councils/harrow/members', `Members – ${HARROW}`],
      ['admin@harrow.demo', '/councils/harrow/people', `People – ${HARROW}`],
      ['admin@harrow.demo', '/councils/harrow/my-actions', `My actions – ${HARROW}`],
      ['admin@harrow.demo', `/councils/harrow/plans/${planId}`, `${title} – ${HARROW}`],
      [
        'admin@harrow.demo',
        `/councils/harrow/actions/${action.id}`,
        `${action.ref ? `${action.ref} ` : ''}${action.title} – ${HARROW}`,
      ],
      [
        'partner@hr-shared-service.demo',
        '/partnerships/hr-shared-service',
        `Partnership overview – ${SHARED}`,
      ],
      [
        'partner@hr-shared-service.demo',
        '/partnerships/hr-shared-service/milestones',
        `Overdue and re-baselined actions and milestones – ${SHARED}`,
      ],
      [
        'partner@hr-shared-service.demo',
        '/partnerships/hr-shared-service/compare',
        `Side by side – ${SHARED}`,
      ],
    ];
    const signedIn = new Map<string, Page>();
    for (const [email, path, expected] of cases) {
      let page = signedIn.get(email);
      if (!page) {
        page = await tabs.open();
        await signIn(page, e.url, email);
        signedIn.set(email, page);
      }
      await page.goto(`${e.url}${path}`);
      await expect.poll(() => page.title(), { message: path }).toBe(`${expected} – PeoplePlan`);
    }
  });

  it('moves focus to the first change “Show older changes” reveals in the audit trail', async () => {
    // More changes than one page of the trail holds: a plan and its actions, each added by hand.
    const editor = e.as(EDITOR);
    const plan = await editor('POST', `${H}/plans`, {
      title: 'Audit trail plan (browser test)',
      kind: 'business-plan',
      themes: [{ ref: '1', title: 'Recruitment' }],
    });
    for (let i = 1; i <= 22; i++)
      await editor('POST', `${H}/plans/${plan.id}/actions`, {
        themeId: plan.themes[0].id,
        ref: `1.${i}`,
        title: `Audit trail action ${i}`,
        leads: [],
      });
    const page = await on('/councils/harrow/audit', 'admin@harrow.demo');
    const entries = page.locator('ol.app-changes > li');
    await entries.first().waitFor();
    const first = await entries.count();
    await tabTo(page, { text: 'Show older changes', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focus(page))
      .toMatchObject({ body: false, tag: 'LI', row: first, onScreen: true });
    await page
      .getByRole('status')
      .filter({ hasText: /^Showing \d+ changes, newest first\.$/ })
      .waitFor();
    expect(await entries.count()).toBeGreaterThan(first);
    await expectAccessible(page, 'audit-older-changes');
  });

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
    await due.waitFor();
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

  it('counts a round by the actions to update in it; those already up to date for the period are said apart', async () => {
    const editor = e.as(EDITOR);
    const p = await editor('POST', `${H}/plans`, {
      title: 'Pay and grading plan (round counts)',
      kind: 'business-plan',
      status: 'active',
      reportingPoints: [
        { label: 'Q3 2026-27', date: day(-100) },
        { label: 'Q4 2026-27', date: day(60) },
      ],
      themes: [{ ref: '1', title: 'Pay' }],
    });
    const ids: string[] = [];
    for (const [ref, title] of [
      ['1.1', 'Benchmark pay against neighbours'],
      ['1.2', 'Agree the grading review'],
      ['1.3', 'Publish the pay policy statement'],
    ])
      ids.push(
        (
          await editor('POST', `${H}/plans/${p.id}/actions`, {
            themeId: p.themes[0].id,
            ref,
            title,
            status: 'on-track',
            leads: [],
          })
        ).id,
      );
    // 1.2 is already up to date for the period being gathered.
    await editor('POST', `${H}/actions/${ids[1]}/updates`, {
      narrative: 'Grading review agreed with the unions',
      status: 'on-track',
      period: 'Q4 2026-27',
    });
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${p.id}/themes/${p.themes[0].id}/round`);
    await page.getByRole('heading', { level: 1, name: 'Update round: Priority 1: Pay' }).waitFor();
    const caption = () => page.locator('.app-round-step .govuk-caption-m').innerText();
    const listed = () => page.locator('.app-round-list__item').allInnerTexts();
    // Two to update, so "of 2" everywhere, and the one already up to date listed after them.
    expect(await left(page)).toBe('2 actions left to update, of 2. 1 other action is already up to date.');
    expect(await caption()).toBe('Action 1 of 2');
    expect((await listed()).map((t) => t.replace(/\s+/g, ' ').replace(/ Update now.*$/, ''))).toEqual([
      '1.1 Benchmark pay against neighbours Updating now',
      '1.3 Publish the pay policy statement To do',
      '1.2 Agree the grading review Updated',
    ]);
    await page.fill('#round-narrative', 'Benchmarking data from four neighbours');
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await expect.poll(() => left(page)).toContain('1 action left to update, of 2.');
    expect(await caption()).toBe('Action 2 of 2');
    expect(await roundStep(page)).toBe('1.3 Publish the pay policy statement');
    await expectAccessible(page, 'theme-round-counts');
  });

  it('lets a head of service narrow the dashboard to their directorate, by keyboard', async () => {
    const editor = e.as(EDITOR);
    for (const [title, directorate] of [
      ['Adults workforce plan (directorate test)', 'Adults and Health'],
      ['Place workforce plan (directorate test)', 'Place'],
    ]) {
      const p = await editor('POST', `${H}/plans`, {
        title,
        kind: 'business-plan',
        directorate,
        status: 'active',
        themes: [{ title: 'Recruitment' }],
      });
      await editor('POST', `${H}/plans/${p.id}/actions`, {
        themeId: p.themes[0].id,
        title: `Late action of ${directorate}`,
        due: { text: '31 March 2020', kind: 'date', due: '2020-03-31', precision: 'day' },
      });
    }
    const page = await on('/councils/harrow', 'viewer@harrow.demo');
    await page.locator('[data-dashboard-ready]').waitFor();
    await tabTo(page, { id: 'directorate' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#directorate').inputValue()).toBe('Place');
    await tabTo(page, { tag: 'BUTTON', text: 'Show' });
    await page.keyboard.press('Enter');
    await page.getByText('for the plans of Place.').waitFor();
    expect(new URL(page.url()).searchParams.get('directorate')).toBe('Place');
    const cards = await page.locator('h3').allInnerTexts();
    expect(cards.some((t) => t.includes('Place workforce plan'))).toBe(true);
    expect(cards.some((t) => t.includes('Adults workforce plan'))).toBe(false);
    const overdue = await page.locator('section[aria-labelledby="overdue"]').innerText();
    expect(overdue).toContain('Late action of Place');
    expect(overdue).not.toContain('Late action of Adults and Health');
    await expectAccessible(page, 'dashboard-directorate');
  });
});

describe('the hour a sign-in lasts (WCAG 2.2.1 timing adjustable)', () => {
  /** The stored sign-in, made to end `inMs` from now, optionally with another refresh token. */
  const endingSoon = (page: Page, inMs: number, refreshToken?: string) =>
    page.evaluate(
      ({ inMs, refreshToken }) => {
        const t = JSON.parse(sessionStorage.getItem('peopleplan.token')!);
        t.expiresAt = Date.now() + 60_000 + inMs;
        if (refreshToken) t.refreshToken = refreshToken;
        sessionStorage.setItem('peopleplan.token', JSON.stringify(t));
      },
      { inMs, refreshToken },
    );
  const storedExpiry = (page: Page) =>
    page.evaluate(() => JSON.parse(sessionStorage.getItem('peopleplan.token')!).expiresAt as number);

  it('warns two minutes before it ends, and one key press keeps the person signed in', async () => {
    const page = await on('/councils/harrow');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await endingSoon(page, 90_000);
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'You will be signed out soon' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/signed out in (2 minutes|about a minute) if you do nothing/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay signed in');
    await expectAccessible(page, 'session-ending');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // A new hour, from the refresh token, and the API takes the new token.
    expect(await storedExpiry(page)).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog'))).toBeNull();
    await page.goto(`${e.url}/councils/harrow/my-actions`);
    await page.getByRole('heading', { level: 1, name: 'My actions' }).waitFor();
  });

  it('revokes the refresh token at sign-out: nobody can take the sign-in on from it', async () => {
    const page = await on('/councils/harrow');
    const refreshToken = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('peopleplan.token')!).refreshToken as string,
    );
    const refresh = () =>
      fetch(`${e.url}/dev/idp/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      });
    expect((await refresh()).status).toBe(200);
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/sign-in');
    await expect.poll(async () => (await refresh()).status).toBe(400);
  });

  it('says to sign in again when the sign-in cannot be kept going, and takes the person there', async () => {
    const page = await on('/councils/harrow');
    await endingSoon(page, 60_000, 'revoked-long-ago');
    await page.reload();
    await page.getByRole('dialog', { name: 'You will be signed out soon' }).waitFor();
    // Escape asks to stay signed in too.
    await page.keyboard.press('Escape');
    const refused = page.getByRole('dialog', { name: 'You need to sign in again' });
    await refused.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sign in again');
    await expectAccessible(page, 'session-ended');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('expired') === '1');
  });
});

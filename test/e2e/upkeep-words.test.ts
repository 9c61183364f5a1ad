/**
 * A plan kept up for a month, in its own words: its groups called what the plan calls them (dashboard,
 * change lists, audit trail), columns shown only when they hold something, "Lead" and "Milestones", the
 * group an action is in and where a move took it, removing an empty group beside its name, a RAG in
 * the update round, closed periods said before an update is sent, and the milestone timeline drawn
 * whole. In real Chromium against the local stack, axe on each page.
 */
import { dueOn, londonToday } from '@peopleplan/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, pages, successBanner, tabTo } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.demo';
const ADMIN = 'admin@harrow.demo';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

interface Seeded {
  planId: string;
  themes: Record<'recruitment' | 'pay' | 'spare', string>;
  /** 1.1 Refresh the job adverts: led by the HR Manager (a "responsible" lead), two milestones. */
  adverts: string;
  /** 2.1 Review pay bands. */
  bands: string;
}
let plan: Seeded;

/** A people strategy whose groups are objectives: none of its actions says what it is to achieve. */
async function seed(): Promise<Seeded> {
  const editor = e.as(EDITOR);
  const p = await editor('POST', `${H}/plans`, {
    title: 'People strategy 2026-27 (own words)',
    kind: 'people-strategy',
    themeNoun: 'Objective',
    status: 'active',
    period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
    themes: [
      { ref: '1', title: 'Recruitment' },
      { ref: '2', title: 'Pay' },
      { ref: '3', title: 'Spare line' },
    ],
  });
  const [recruitment, pay, spare] = p.themes;
  const adverts = await editor('POST', `${H}/plans/${p.id}/actions`, {
    themeId: recruitment.id,
    ref: '1.1',
    title: 'Refresh the job adverts',
    status: 'on-track',
    leads: [{ role: 'responsible', label: 'HR Manager' }],
    due: date(day(120)),
  });
  for (const [ref, title, due] of [
    ['A', 'Adverts drafted', day(20)],
    ['B', 'Adverts published on the careers site', day(200)],
  ] as const) {
    await editor('POST', `${H}/actions/${adverts.id}/milestones`, { ref, title, due: date(due) });
  }
  const bands = await editor('POST', `${H}/plans/${p.id}/actions`, {
    themeId: pay.id,
    ref: '2.1',
    title: 'Review pay bands',
    status: 'not-started',
    leads: [{ role: 'responsible', label: 'HR Manager' }],
  });
  return {
    planId: p.id,
    themes: { recruitment: recruitment.id, pay: pay.id, spare: spare.id },
    adverts: adverts.id,
    bands: bands.id,
  };
}

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  plan = await seed();
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

async function as(email: string, path: string): Promise<Page> {
  const page = await tabs.open();
  await signIn(page, e.url, email);
  await page.goto(`${e.url}/councils/harrow${path}`);
  return page;
}

const planPage = () => `/plans/${plan.planId}`;

describe('a plan in its own words', { timeout: 120_000 }, () => {
  it('calls its groups by the plan’s own word on the dashboard', async () => {
    const page = await as(EDITOR, '');
    await page.locator('[data-dashboard-ready]').waitFor();
    const card = page.locator('section.app-plan-card', { hasText: 'People strategy 2026-27 (own words)' });
    expect(await card.locator('thead th').first().innerText()).toBe('Objective');
    expect(await card.locator('tr.app-total-row th').innerText()).toBe('All objectives');
    expect(await card.innerText()).not.toMatch(/\btheme/i);
    await expectAccessible(page, 'words-dashboard');
  });

  it('calls a group by the plan’s own word in the plan’s changes and in the audit trail', async () => {
    await e.as(EDITOR)('POST', `${H}/plans/${plan.planId}/themes`, { ref: '4', title: 'Learning' });
    const page = await as(EDITOR, planPage());
    const changes = page.getByRole('list', { name: 'Changes to this plan, newest first' });
    await changes.getByText('Added an objective: Learning').waitFor();
    expect(await changes.innerText()).not.toMatch(/\btheme/i);

    const admin = await as(ADMIN, `/audit?item=${plan.planId}`);
    const trail = admin.getByRole('list', { name: 'Changes to the council, newest first' });
    await trail.getByText('Added an objective: Learning').waitFor();
    expect(await trail.innerText()).not.toMatch(/\ba theme\b/i);
    await expectAccessible(admin, 'words-audit');
  });

  it('lists a correction of a progress update as a correction', async () => {
    const editor = e.as(EDITOR);
    const first = await editor('POST', `${H}/actions/${plan.adverts}/updates`, {
      narrative: 'Adverts drafted with the services',
      status: 'on-track',
    });
    await editor('POST', `${H}/actions/${plan.adverts}/updates`, {
      narrative: 'Adverts drafted with the services and the unions',
      status: 'on-track',
      corrects: first.update.id,
    });
    const page = await as(EDITOR, `/actions/${plan.adverts}`);
    const history = page.getByRole('list', { name: 'Changes to this action, newest first' });
    await history.getByText('Corrected a progress update').waitFor();
    // The update it corrects is still "added"; the correction is not.
    expect(await history.getByText('Added a progress update').count()).toBe(1);
  });

  it('shows a column only when an action fills it, milestones as "Milestones" and leads as "Lead"', async () => {
    const page = await as('viewer@harrow.demo', planPage());
    const table = page.locator('table.app-action-table').first();
    await table.locator('tbody tr').first().waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers).toContain('Milestones');
    expect(headers).toContain('Lead');
    // No action says what it is to achieve: no empty "To achieve what" column; the kind's own words for
    // milestones and leads are not used.
    for (const gone of ['To achieve what', 'Corporate actions by year', 'Who'])
      expect(headers).not.toContain(gone);
    expect(
      await table.locator('tbody tr').first().locator('td[data-label="Milestones"]').innerText(),
    ).toContain('Adverts drafted');
    await expectAccessible(page, 'words-columns');

    // The action's page calls its lead "Lead", as the plan page does.
    await page.goto(`${e.url}/councils/harrow/actions/${plan.adverts}`);
    const facts = page.locator('main .govuk-summary-list').first();
    await facts.getByText('HR Manager').waitFor();
    expect(await facts.locator('dt').allInnerTexts()).toContain('Lead');
    expect(await facts.innerText()).not.toContain('Responsible');
  });

  it('says which objective an action is in, and where a move took it', async () => {
    const page = await as(EDITOR, `/actions/${plan.bands}`);
    const group = page.getByTestId('action-group');
    await group.getByText('Objective 2: Pay').waitFor();
    expect(await group.innerText()).toBe('Part of Objective 2: Pay');
    await page.getByRole('button', { name: 'Edit this action' }).click();
    await page.getByLabel('Objective', { exact: true }).selectOption({ label: '1: Recruitment' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await successBanner(page, 'Moved to Objective 1: Recruitment');
    await group.getByText('Objective 1: Recruitment').waitFor();
    // Its history says the move between objectives by name.
    const history = page.getByRole('list', { name: 'Changes to this action, newest first' });
    await history.getByText('Objective 2: Pay').waitFor();
    expect(await history.innerText()).toContain('Objective 1: Recruitment');
    await expectAccessible(page, 'words-moved');
    // And back, for the tests after this one.
    await page.getByRole('button', { name: 'Edit this action' }).click();
    await page.getByLabel('Objective', { exact: true }).selectOption({ label: '2: Pay' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await successBanner(page, 'Moved to Objective 2: Pay');
  });

  it('offers removal beside an empty objective only, by keyboard, and says why the others cannot go', async () => {
    const page = await as(EDITOR, planPage());
    const list = page.getByRole('list', { name: 'Objectives, in order' });
    await list.waitFor();
    const item = (name: string) => list.locator('li', { hasText: name });
    // An objective with actions: no Remove, a hint that its actions must move first.
    expect(
      await item('Objective 1: Recruitment')
        .getByRole('button', { name: /^Remove/ })
        .count(),
    ).toBe(0);
    expect(await item('Objective 1: Recruitment').innerText()).toContain(
      'To remove it, move its actions to another objective first',
    );
    // The rename form no longer offers removal.
    await item('Objective 2: Pay')
      .getByRole('button', { name: /^Rename/ })
      .click();
    expect(
      await page
        .locator('form[aria-labelledby="theme-form"]')
        .getByRole('button', { name: /Remove/ })
        .count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    // The empty one: reached by Tab, asked first (focus on "Yes, remove it"), then removed.
    await tabTo(page, { text: 'Remove Objective 3: Spare line', tag: 'BUTTON' });
    await expectAccessible(page, 'words-remove-offered');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Yes, remove it');
    // Escape answers no, and gives focus back to the button that asked; asked again, yes removes it.
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Remove Objective 3: Spare line');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Yes, remove it');
    await page.keyboard.press('Enter');
    await successBanner(page, 'Objective removed');
    await expect
      .poll(() => list.locator('li').allInnerTexts())
      .not.toContainEqual(expect.stringContaining('Spare line'));
  });

  it('takes a RAG rating in the update round, as the action page’s update form does', async () => {
    const page = await as(EDITOR, `${planPage()}/themes/${plan.themes.pay}/round`);
    await page.locator('#round-step').waitFor();
    const rag = page.getByLabel('RAG rating (optional)');
    expect(await rag.inputValue()).toBe('');
    await rag.selectOption('amber');
    await page.fill('#round-narrative', 'Benchmarking late: the regional survey is delayed');
    await expectAccessible(page, 'words-round-rag');
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await page.getByRole('heading', { name: 'Update round complete' }).waitFor();
    const updates = await e.as(EDITOR)('GET', `${H}/actions/${plan.bands}/updates`);
    expect(updates.items[0]).toMatchObject({
      narrative: 'Benchmarking late: the regional survey is delayed',
      rag: 'amber',
    });
  });

  it('says a closed period is closed in the update forms, and does not offer it', async () => {
    await e.as(EDITOR)('POST', `${H}/plans/${plan.planId}/periods/mid-year-2026-27/close`, {});
    const expectClosed = async (page: Page, select: string) => {
      const closed = page.locator(`${select} option`, { hasText: 'Mid-year 2026-27' });
      await expect.poll(() => closed.innerText()).toMatch(/\(closed\)$/);
      expect(await closed.isDisabled()).toBe(true);
      expect(await page.locator(select).inputValue()).toBe('Year-end 2026-27');
      expect(
        await page.locator(`${select} option`, { hasText: 'Year-end 2026-27' }).innerText(),
      ).not.toContain('closed');
    };
    const page = await as(EDITOR, `/actions/${plan.adverts}`);
    await page.locator('#update-period').waitFor();
    await expectClosed(page, '#update-period');
    await expectAccessible(page, 'words-period-closed');
    // An action with no update yet, so the round has one to ask about whichever period earlier tests filed under.
    await e.as(EDITOR)('POST', `${H}/plans/${plan.planId}/actions`, {
      themeId: plan.themes.recruitment,
      ref: '1.2',
      title: 'Run a recruitment open day',
      status: 'not-started',
    });
    await page.goto(`${e.url}/councils/harrow${planPage()}/themes/${plan.themes.recruitment}/round`);
    await page.locator('#round-period').waitFor();
    await expectClosed(page, '#round-period');
  });

  it('says on the period field when a period closed in another tab refuses an update, and marks it closed', async () => {
    // Both forms are filled in under Year-end 2026-27 (the open period), then it is closed elsewhere.
    const form = await as(EDITOR, `/actions/${plan.adverts}`);
    await form.locator('#update-period').waitFor();
    expect(await form.locator('#update-period').inputValue()).toBe('Year-end 2026-27');
    await form.fill('#update-narrative', 'Adverts live on the careers site');
    const round = await as(EDITOR, `${planPage()}/themes/${plan.themes.recruitment}/round`);
    await round.locator('#round-period').waitFor();
    expect(await round.locator('#round-period').inputValue()).toBe('Year-end 2026-27');
    await round.fill('#round-narrative', 'Open day booked for March');
    await e.as(EDITOR)('POST', `${H}/plans/${plan.planId}/periods/year-end-2026-27/close`, {});

    const refused = async (page: Page, field: string, save: string) => {
      await page.getByRole('button', { name: save }).click();
      // The error summary links to the field, which says it too; the list now marks the period closed.
      const link = page.locator(`.govuk-error-summary a[href="#${field}"]`);
      await link.waitFor();
      expect(await link.innerText()).toMatch(/^Year-end 2026-27 is closed and its report is frozen/);
      expect(await page.locator(`#${field}-error`).innerText()).toContain('Year-end 2026-27 is closed');
      const option = page.locator(`#${field} option`, { hasText: 'Year-end 2026-27' });
      await expect.poll(() => option.innerText()).toMatch(/\(closed\)$/);
      await link.click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(field);
    };
    await refused(form, 'update-period', 'Add update');
    await expectAccessible(form, 'words-period-closed-meanwhile');
    await refused(round, 'round-period', 'Save and go to the next action');
    await expectAccessible(round, 'words-round-period-closed-meanwhile');
  });

  it('draws the milestone timeline’s first and last markers whole', async () => {
    const page = await as('viewer@harrow.demo', planPage());
    const chart = page.locator('section[aria-labelledby="milestones"] .app-timeline-chart');
    await chart.waitFor();
    const edges = await chart.evaluate((fig) => {
      const box = fig.getBoundingClientRect();
      const markers = [...fig.querySelectorAll('.app-timeline-chart__marker')].map((m) =>
        m.getBoundingClientRect(),
      );
      return {
        left: box.left,
        right: box.right,
        first: Math.min(...markers.map((m) => m.left)),
        last: Math.max(...markers.map((m) => m.right)),
      };
    });
    expect(edges.last).toBeLessThanOrEqual(edges.right);
    expect(edges.first).toBeGreaterThanOrEqual(edges.left);
  });

  it('shows each milestone’s label on the timeline whole: at 320px wide, and with text spacing (1.4.10, 1.4.12)', async () => {
    await e.as(EDITOR)('POST', `${H}/actions/${plan.adverts}/milestones`, {
      ref: '1.1.M9',
      title:
        'Agree the recruitment campaign’s wording with every directorate’s management team and the unions',
      due: date(day(45)),
    });
    const page = await as('viewer@harrow.demo', planPage());
    const chart = page.locator('section[aria-labelledby="milestones"] .app-timeline-chart');
    await chart.getByText('and the unions', { exact: false }).waitFor({ state: 'attached' });
    const cut = () =>
      chart.evaluate((fig) =>
        [...fig.querySelectorAll<HTMLElement>('.app-timeline-chart__label')]
          .filter((l) => l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1)
          .map((l) => l.textContent),
      );
    expect(await cut()).toEqual([]);
    await page.addStyleTag({
      content:
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }',
    });
    expect(await cut()).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(cut).toEqual([]);
  });

  it('lists milestones by due date, then ref in natural order (M2 before M10), on the action and the plan', async () => {
    const editor = e.as(EDITOR);
    const action = await editor('POST', `${H}/plans/${plan.planId}/actions`, {
      themeId: plan.themes.pay,
      ref: '2.2',
      title: 'Publish the pay policy',
      status: 'on-track',
    });
    // Added out of order: by neither date, ref nor the order they were added do they read right.
    for (const [ref, due] of [
      ['2.2.M3', day(90)],
      ['2.2.M10', day(60)],
      ['2.2.M2', day(60)],
      ['2.2.M1', day(30)],
    ] as const)
      await editor('POST', `${H}/actions/${action.id}/milestones`, {
        ref,
        title: `Step ${ref}`,
        due: date(due),
      });
    const inOrder = ['2.2.M1', '2.2.M2', '2.2.M10', '2.2.M3'];
    const refs = async (cells: ReturnType<Page['locator']>) =>
      (await cells.allInnerTexts()).map((t) => /2\.2\.M\d+/.exec(t)?.[0]).filter(Boolean);

    const page = await as('viewer@harrow.demo', `/actions/${action.id}`);
    const onAction = page.locator('section[aria-labelledby="milestones"] td[data-label="Milestone"]');
    await onAction.first().waitFor();
    expect(await refs(onAction)).toEqual(inOrder);

    await page.goto(`${e.url}/councils/harrow${planPage()}`);
    const onPlan = page.locator('section[aria-labelledby="milestones"] td[data-label="Milestone"]');
    await onPlan.first().waitFor();
    expect(await refs(onPlan)).toEqual(inOrder);
    // The action's row in the plan's table lists them the same way.
    const row = page.locator('table.app-action-table tbody tr', { hasText: 'Publish the pay policy' });
    expect(await row.locator('td[data-label="Milestones"] li').allInnerTexts()).toEqual(
      inOrder.map((ref) => expect.stringContaining(`Step ${ref}`)),
    );
  });

  it('shows a repeating deadline by its next date, as the report does, on the plan, the action and the round', async () => {
    const editor = e.as(EDITOR);
    const p = await editor('POST', `${H}/plans`, {
      title: 'Workforce plan 2025-26 (repeats)',
      kind: 'business-plan',
      status: 'active',
      period: { label: '2025-26', start: '2025-04-01', end: '2026-03-31' },
      themes: [{ ref: '1', title: 'Wellbeing' }],
    });
    const due = { text: 'Quarterly', kind: 'recurring', recurrence: 'quarterly', due: '2025-06-30' } as const;
    const action = await editor('POST', `${H}/plans/${p.id}/actions`, {
      themeId: p.themes[0].id,
      title: 'Report sickness absence to the board',
      status: 'on-track',
      due,
    });
    // The occurrence current today (core), as the report and the dashboard judge it.
    const next = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${dueOn(due, londonToday())}T00:00:00Z`),
    );
    const dueOf = (text: string) => {
      expect(text).toContain(`next ${next}`);
      expect(text).not.toContain('30 June 2025');
    };
    const page = await as(EDITOR, `/plans/${p.id}`);
    const row = page.locator('table.app-action-table tbody tr', { hasText: 'Report sickness absence' });
    dueOf(await row.locator('.app-timescale').innerText());
    await page.goto(`${e.url}/councils/harrow/actions/${action.id}`);
    // The summary list's "Due" row (not "Originally due").
    const dueRow = () =>
      page.locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: /^Due$/ }) });
    await dueRow().waitFor();
    dueOf(await dueRow().innerText());
    await page.goto(`${e.url}/councils/harrow/plans/${p.id}/themes/${p.themes[0].id}/round`);
    await page.locator('#round-step').waitFor();
    dueOf(await dueRow().innerText());
    await expectAccessible(page, 'words-round-repeating');
  });
});

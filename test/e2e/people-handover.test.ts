/**
 * A lead leaves the council: on their page an editor sees what they lead, hands two of their actions
 * over by keyboard alone (confirmed first; focus on the question, then on the result), and the plan
 * names the new lead. Marking them as left is refused while they still lead an open action. A viewer
 * (a councillor) reads the same page with no form. axe on every state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, focusedText, pages, successBanner, tabTo } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.demo';
let helen: { id: string };
let planId: string;
const titles = ['Refresh the recruitment pack', 'Run the graduate scheme', 'Review exit interviews'];

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  const api = e.as(EDITOR);
  helen = await api('POST', `${H}/people`, { name: 'Helen Ward', email: 'helen@harrow.demo' });
  await api('POST', `${H}/people`, { name: 'Sarah Jones', email: 'sarah@harrow.demo' });
  const plan = await api('POST', `${H}/plans`, {
    title: 'Recruitment plan (hand-over)',
    kind: 'business-plan',
    status: 'active',
    ownerPersonId: helen.id,
    themes: [{ ref: '1', title: 'Recruitment' }],
  });
  planId = plan.id;
  for (const [i, title] of titles.entries()) {
    await api('POST', `${H}/plans/${plan.id}/actions`, {
      ref: `1.${i + 1}`,
      title,
      themeId: plan.themes[0].id,
      status: 'on-track',
      due: { text: 'March 2027', kind: 'date', due: '2027-03-31', precision: 'month' },
      leads: [{ role: 'responsible', label: 'Helen Ward', personId: helen.id }],
    });
  }
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

const personPage = async (email: string): Promise<Page> => {
  const page = await tabs.open();
  await signIn(page, e.url, email);
  await page.goto(`${e.url}/councils/harrow/people/${helen.id}`);
  await page.getByRole('heading', { name: 'What they lead' }).waitFor();
  await page.getByRole('link', { name: `1.3 ${titles[2]}` }).waitFor();
  return page;
};

describe('handing over a leaver’s work', () => {
  it('hands two actions over by keyboard and the plan names the new lead', async () => {
    const page = await personPage(EDITOR);
    await expectAccessible(page, 'person-editor');
    // Everything is ticked to begin with: leave the third action and the plan with Helen.
    await tabTo(page, { id: (await page.getByLabel(`Hand over 1.3 ${titles[2]}`).getAttribute('id'))! });
    await page.keyboard.press('Space');
    await tabTo(page, { id: `hand-${planId}` });
    await page.keyboard.press('Space');
    await tabTo(page, { id: 'handover-to' });
    await page.keyboard.type('Sarah');
    expect(await page.locator('#handover-to option:checked').innerText()).toBe('Sarah Jones');
    await tabTo(page, { text: 'Hand over', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    // Confirmed first: the question takes focus and says what will move.
    expect(await focusedText(page)).toBe('Hand over 2 actions from Helen Ward to Sarah Jones?');
    const question = page.locator('.govuk-warning-text');
    expect(await question.locator('li').allInnerTexts()).toEqual([
      `1.1 ${titles[0]} (Recruitment plan (hand-over))`,
      `1.2 ${titles[1]} (Recruitment plan (hand-over))`,
    ]);
    await expectAccessible(page, 'person-handover-confirm');
    await tabTo(page, { text: 'Yes, hand over', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await successBanner(page, '2 actions handed over from Helen Ward to Sarah Jones.');
    // Focus moves to the result.
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('govuk-notification-banner')),
    ).toBe(true);
    await page.getByRole('link', { name: `1.1 ${titles[0]}` }).waitFor({ state: 'detached' });
    expect(await page.getByRole('link', { name: `1.3 ${titles[2]}` }).count()).toBe(1);
    await expectAccessible(page, 'person-handed-over');

    // Helen still leads an open action and owns the plan: marking her as left is refused in the API's words.
    await tabTo(page, { text: 'Mark as left', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await page
      .locator('.govuk-error-summary')
      .getByText(
        'Helen Ward still leads 1 open action and owns 1 plan in use: hand them over to someone else first, then mark them as left.',
      )
      .waitFor();
    // The refusal names no field: the day they left is not marked wrong, nor a message put beside it.
    expect(
      await page
        .locator('#left-on-day, #left-on-month, #left-on-year')
        .evaluateAll((els) => els.map((x) => x.getAttribute('aria-invalid'))),
    ).toEqual([null, null, null]);
    expect(await page.locator('#left-on-error').count()).toBe(0);
    await expectAccessible(page, 'person-left-refused');

    // The plan names Sarah on the two actions handed over, Helen on the third.
    await page.goto(`${e.url}/councils/harrow/plans/${planId}`);
    const lead = (title: string) =>
      page.locator('table.app-action-table tbody tr', { hasText: title }).locator('td[data-label="Lead"]');
    await lead(titles[0]!).waitFor();
    expect(await lead(titles[0]!).innerText()).toContain('Sarah Jones');
    expect(await lead(titles[1]!).innerText()).toContain('Sarah Jones');
    expect(await lead(titles[2]!).innerText()).toContain('Helen Ward');
  }, 90_000);

  it('marks her as left once nothing is hers, lists her apart and offers her as no one’s lead', async () => {
    const api = e.as(EDITOR);
    const sarah = (await api('GET', `${H}/people`)).items.find(
      (p: { name: string }) => p.name === 'Sarah Jones',
    );
    await api('POST', `${H}/people/${helen.id}/hand-over`, { to: sarah.id, version: 1 });
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/people/${helen.id}`);
    await page.getByText('Helen Ward leads no open actions and owns no plans.').waitFor();
    await page.getByRole('button', { name: 'Mark as left' }).click();
    await successBanner(page, /^Helen Ward marked as having left on /);
    await page.getByRole('heading', { name: 'Left the council' }).waitFor();
    await page.goto(`${e.url}/councils/harrow/people`);
    const leavers = page.locator('table', { hasText: 'Left the council' });
    await leavers.getByRole('link', { name: 'Helen Ward' }).waitFor();
    await page.locator('table').first().getByRole('link', { name: 'Sarah Jones' }).waitFor();
    expect(await page.locator('table').first().getByText('Helen Ward').count()).toBe(0);
    await expectAccessible(page, 'people-with-leavers');

    // Neither an action's lead nor the plan's owner can be her now.
    const action = (await api('GET', `${H}/plans/${planId}/contents`)).actions[0];
    await page.goto(`${e.url}/councils/harrow/actions/${action.id}`);
    await page.getByRole('button', { name: 'Edit this action' }).click();
    // The directory loads with the form: wait for it before reading who is offered.
    await page.locator('#lead-1-person option', { hasText: 'Sarah Jones' }).waitFor({ state: 'attached' });
    const leadOptions = await page.locator('#lead-1-person option').allInnerTexts();
    expect(leadOptions).toContain('Sarah Jones');
    expect(leadOptions.join('|')).not.toContain('Helen Ward');
    await page.goto(`${e.url}/councils/harrow/plans/${planId}`);
    await page.getByRole('button', { name: 'Change the plan’s details' }).click();
    await page.locator('#ownerPersonId option', { hasText: 'Sarah Jones' }).waitFor({ state: 'attached' });
    const owners = await page.locator('#ownerPersonId option').allInnerTexts();
    expect(owners).toContain('Sarah Jones');
    expect(owners).not.toContain('Helen Ward');
  }, 60_000);

  it('shows a viewer the person and what they lead, with no form, Save or merge', async () => {
    const sarah = (await e.as(EDITOR)('GET', `${H}/people`)).items.find(
      (p: { name: string }) => p.name === 'Sarah Jones',
    );
    const page = await tabs.open();
    await signIn(page, e.url, 'viewer@harrow.demo');
    await page.goto(`${e.url}/councils/harrow/people/${sarah.id}`);
    await page.getByRole('heading', { level: 1, name: 'Sarah Jones' }).waitFor();
    // What she leads now, each linked, read-only: no box to tick, no one to hand over to.
    for (const [i, title] of titles.entries())
      await page.getByRole('link', { name: `1.${i + 1} ${title}` }).waitFor();
    await page.locator('table', { hasText: 'Plans they own (1)' }).waitFor();
    const controls = page.locator('main form, main input, main select, main textarea, main button');
    expect(await controls.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await expectAccessible(page, 'person-viewer');
    // Helen's page says she has left, in words.
    await page.goto(`${e.url}/councils/harrow/people/${helen.id}`);
    await page.getByRole('heading', { level: 1, name: 'Helen Ward' }).waitFor();
    await page.locator('main .govuk-summary-list', { hasText: 'Left the council' }).waitFor();
    expect(await controls.count()).toBe(0);
  }, 30_000);
});

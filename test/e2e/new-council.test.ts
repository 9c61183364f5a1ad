/**
 * A council new to PeoplePlan, by keyboard, as its first users meet it: the HR officer's import whose
 * own fields say when they are in error (aria-invalid, an error beside each), every check the page
 * can make listed at once; the settings page titled alike for every role; the dashboard's status
 * table leading to the matching actions.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, focusedText, pages, summaryLink, tabTo } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const C = 'northvale';
const ADMIN = 'ada@northvale.gov.uk';
const HR = 'harriet@northvale.gov.uk';
const TITLE = 'Northvale People Plan 2026 to 2027';
/** A pasted plan: one deadline PeoplePlan cannot date ("Post restructuring"). */
const PLAN = [
  TITLE,
  'Theme 1: Recruitment',
  'Ref\tAction\tLead\tDeadline\tStatus',
  '1.1\tNew careers site\tHR Manager\tMarch 2027\tGreen',
  '1.2\tOpen days for school leavers\tHR Manager\tPost restructuring\tAmber',
  'Theme 2: Pay',
  'Ref\tAction\tLead\tDeadline\tStatus',
  '2.1\tReview pay bands\tHR Manager\tJune 2027\tGreen',
].join('\n');

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  await e.as('operator@peopleplan.demo')('POST', '/api/v1/councils', {
    id: C,
    name: 'Northvale District Council',
    adminEmail: ADMIN,
    adminName: 'Ada Admin',
  });
  await e.as(ADMIN)('POST', `/api/v1/councils/${C}/members`, {
    email: HR,
    name: 'Harriet Hughes',
    role: 'editor',
  });
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

const invalid = (page: Page, id: string) =>
  page.locator(`[id="${id}"]`).evaluate((el) => ({
    invalid: el.getAttribute('aria-invalid'),
    describedBy: el.getAttribute('aria-describedby') ?? '',
  }));
const press = async (page: Page, text: string) => {
  await tabTo(page, { text, tag: 'BUTTON' });
  await page.keyboard.press('Enter');
};
/** Types into a field reached by Tab, replacing what was there. */
async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, { id });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.insertText(text);
}

describe('a new council, by keyboard', { timeout: 240_000 }, () => {
  it('heads its people on the development sign-in page by its name', async () => {
    const page = await tabs.open();
    await page.goto(`${e.url}/sign-in`);
    const heading = page.getByRole('heading', { name: 'Northvale District Council' });
    await expect.poll(() => heading.count()).toBe(1);
    expect(await page.getByText('Council: northvale').count()).toBe(0);
  });

  it('marks the import’s own fields in error, and lists every check at once', async () => {
    // A plan of the same title already there: the preview asks for a tick before importing.
    await e.as(HR)('POST', `/api/v1/councils/${C}/plans`, { title: TITLE, kind: 'people-strategy' });
    const page = await tabs.open();
    await signIn(page, e.url, HR);
    await page.goto(`${e.url}/councils/${C}/import`);
    await page.getByRole('heading', { level: 1, name: 'Import a plan' }).waitFor();

    // No file chosen: the file field is in error, with its message beside it.
    await press(page, 'Preview the import');
    await summaryLink(page, 'import-file').waitFor();
    expect(await page.locator('#import-file-error').innerText()).toContain('Choose a file to import');
    expect(await invalid(page, 'import-file')).toEqual({
      invalid: 'true',
      describedBy: 'import-file-hint import-file-error',
    });
    await expectAccessible(page, 'new-council-import-file-error');

    // Pasted instead (the second choice, by arrow key).
    await tabTo(page, { id: 'source' }, { back: true });
    await page.keyboard.press('ArrowDown');
    await typeInto(page, 'import-text', PLAN);
    await press(page, 'Preview the import');
    await page.getByRole('heading', { level: 1, name: 'Check the import' }).waitFor({ timeout: 60_000 });

    // No tick, no title, a deadline given as words PeoplePlan cannot read: what the page can check is
    // listed together, each field marked.
    const fix = await page.locator('input[id^="fix-"]').first().getAttribute('id');
    await typeInto(page, fix!, 'sometime soonish');
    await typeInto(page, 'plan-title', '');
    await press(page, 'Import this plan');
    await summaryLink(page, 'ack-0').waitFor();
    expect(await summaryLink(page, 'plan-title').count()).toBe(1);
    expect((await invalid(page, 'ack-0')).invalid).toBe('true');
    expect((await invalid(page, 'plan-title')).invalid).toBe('true');
    await expectAccessible(page, 'new-council-import-commit-errors');

    // Ticked and titled: the API refuses the deadline, marked on its own field.
    await tabTo(page, { id: 'ack-0' }, { back: true });
    await page.keyboard.press('Space');
    await typeInto(page, 'plan-title', `${TITLE} (imported)`);
    await press(page, 'Import this plan');
    await summaryLink(page, fix!).waitFor();
    expect((await invalid(page, 'ack-0')).invalid).toBeNull();
    const fixField = await invalid(page, fix!);
    expect(fixField.invalid).toBe('true');
    expect(fixField.describedBy).toContain(`${fix}-error`);

    // Column choices saved with no name.
    await press(page, 'Save column choices');
    await page.locator('#mapping-name-error').waitFor();
    expect((await invalid(page, 'mapping-name')).invalid).toBe('true');
    await expectAccessible(page, 'new-council-import-fix-error');

    // Corrected: imported, and the page says what was made, and that the new lead needs checking.
    await typeInto(page, fix!, 'December 2026');
    await press(page, 'Import this plan');
    await page.getByRole('heading', { level: 1, name: 'Plan imported' }).waitFor();
    const made = await page.locator('main').innerText();
    expect(made).toMatch(/The plan has 2 [a-z ]+ and 3 actions\./);
    expect(made).toContain('1 lead was added to the people directory as a new person, marked for checking.');
    expect(await page.getByRole('link', { name: 'Check the people directory' }).count()).toBe(1);
    await expectAccessible(page, 'new-council-imported');
  });

  it('keeps the title, lead answers and deadline corrections when the plan is read again', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, HR);
    await page.goto(`${e.url}/councils/${C}/import`);
    await page.getByRole('heading', { level: 1, name: 'Import a plan' }).waitFor();
    await tabTo(page, { id: 'source' });
    await page.keyboard.press('ArrowDown');
    // Its own lead label: the first test's import added "HR Manager" to the directory.
    const plan = PLAN.replace(TITLE, 'Northvale Training Plan').replaceAll('HR Manager', 'Training Lead');
    await typeInto(page, 'import-text', plan);
    await press(page, 'Preview the import');
    const checking = page.getByRole('heading', { level: 1, name: 'Check the import' });
    await checking.waitFor({ timeout: 60_000 });

    // Settled on the first reading: a better title, who "Training Lead" is, a date for "Post restructuring".
    await typeInto(page, 'plan-title', 'Northvale Training Plan 2026 to 2027');
    const lead = page.locator('tr', { hasText: 'Training Lead' }).locator('select');
    const harriet = await lead.locator('option', { hasText: 'Harriet Hughes' }).getAttribute('value');
    await lead.selectOption(harriet!);
    const fix = (await page.locator('input[id^="fix-"]').first().getAttribute('id'))!;
    await typeInto(page, fix, 'December 2026');

    // Then the plan's start date, and read again.
    await typeInto(page, 'plan-start-day', '1');
    await typeInto(page, 'plan-start-month', '4');
    await typeInto(page, 'plan-start-year', '2026');
    await press(page, 'Preview again from this date');
    await page.getByText('Plan starts on', { exact: true }).waitFor();
    expect(await page.locator('#plan-title').inputValue()).toBe('Northvale Training Plan 2026 to 2027');
    expect(await lead.inputValue()).toBe(harriet);
    expect(await page.locator(`[id="${fix}"]`).inputValue()).toBe('December 2026');

    await press(page, 'Import this plan');
    await page.getByRole('heading', { level: 1, name: 'Plan imported' }).waitFor();
    expect(await page.locator('.govuk-panel').innerText()).toContain('Northvale Training Plan 2026 to 2027');
  });

  it('says a person’s changes were saved when it goes back to People', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, HR);
    await page.goto(`${e.url}/councils/${C}/people`);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await tabTo(page, { text: 'Harriet Hughes', tag: 'A' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Change Harriet Hughes' }).waitFor();
    await typeInto(page, 'roleLabel', 'HR Officer');
    await press(page, 'Save');
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    const banner = page.locator('.govuk-notification-banner--success');
    expect(await banner.innerText()).toContain('Harriet Hughes’s details saved');
    await expect.poll(() => focusedText(page)).toContain('Harriet Hughes’s details saved');
    await expectAccessible(page, 'new-council-person-saved');
    // Said once: not again on a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.locator('table').first().waitFor();
    expect(await banner.count()).toBe(0);
  });

  it('says in the audit trail which groups a move took an action between', async () => {
    const api = e.as(HR);
    const base = `/api/v1/councils/${C}`;
    const plan = await api('POST', `${base}/plans`, {
      title: 'Northvale Moves Plan',
      kind: 'people-strategy',
      themes: [
        { ref: '1', title: 'Recruitment' },
        { ref: '2', title: 'Pay' },
      ],
    });
    const [from, to] = plan.themes;
    const action = await api('POST', `${base}/plans/${plan.id}/actions`, {
      themeId: from.id,
      title: 'Market supplements',
      status: 'not-started',
      leads: [],
    });
    await api('PATCH', `${base}/actions/${action.id}`, { version: action.version, themeId: to.id });
    const page = await tabs.open();
    await signIn(page, e.url, ADMIN);
    await page.goto(`${e.url}/councils/${C}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const move = page.locator('li.app-change').filter({ hasText: 'Changed an action' }).first();
    await expect.poll(() => move.innerText()).toContain('Key priority 2: Pay');
    expect(await move.innerText()).toContain('Key priority 1: Recruitment');
    expect(await move.innerText()).not.toContain('another item');
    // The change names the action it was made to (a change records only the fields it changed).
    await expect.poll(() => move.innerText()).toContain('Changed an action: Market supplements');
    await expectAccessible(page, 'new-council-audit-move');
  });

  it('tells a lead how many days ahead the council warns, and when it has switched alerts off', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, HR);
    await page.goto(`${e.url}/councils/${C}/alert-preferences`);
    await page.getByRole('heading', { level: 1, name: 'Your email alerts' }).waitFor();
    const hint = page.locator('#dueSoon-item-hint');
    await expect
      .poll(() => hint.innerText())
      .toContain('14 days before a milestone or action you lead is due');
    expect(await page.locator('[data-alerts-off]').count()).toBe(0);

    const admin = e.as(ADMIN);
    const settings = await admin('GET', `/api/v1/councils/${C}/settings`);
    await admin('PATCH', `/api/v1/councils/${C}/settings`, {
      version: settings.version,
      alertSettings: { ...settings.alertSettings, enabled: false, dueSoonDays: 10 },
    });
    await page.reload();
    await page.locator('[data-alerts-off]').waitFor();
    expect(await page.locator('[data-alerts-off]').innerText()).toContain('switched email alerts off');
    await expect.poll(() => hint.innerText()).toContain('10 days before');
    await expectAccessible(page, 'new-council-alerts-off');
  });

  it('titles the settings page alike for every role', async () => {
    const titles: string[] = [];
    for (const who of [ADMIN, HR]) {
      const page = await tabs.open();
      await signIn(page, e.url, who);
      await page.goto(`${e.url}/councils/${C}/settings`);
      await page.getByRole('heading', { level: 1, name: 'Council settings' }).waitFor();
      titles.push(await page.title());
      await expectAccessible(page, `new-council-settings-${titles.length}`);
    }
    expect(titles).toEqual([
      'Council settings – Northvale District Council – PeoplePlan',
      'Council settings – Northvale District Council – PeoplePlan',
    ]);
  });

  it('leads from each count of the dashboard’s status table to those actions, and names each lead once', async () => {
    const api = e.as(HR);
    const base = `/api/v1/councils/${C}`;
    const plan = await api('POST', `${base}/plans`, {
      title: 'Northvale Workforce Plan',
      kind: 'people-strategy',
      status: 'active',
      themes: [
        { ref: '1', title: 'Recruitment' },
        { ref: '2', title: 'Wellbeing' },
      ],
    });
    const [recruitment, wellbeing] = plan.themes;
    for (const [themeId, title, status] of [
      [recruitment.id, 'Careers site', 'on-track'],
      [recruitment.id, 'Open days', 'not-started'],
      [recruitment.id, 'Apprentice scheme', 'on-track'],
      [wellbeing.id, 'Wellbeing survey', 'on-track'],
    ]) {
      await api('POST', `${base}/plans/${plan.id}/actions`, { themeId, title, status, leads: [] });
    }
    // Overdue, led by one person in two roles: the dashboard's lists name them once.
    const hrManager = (role: string) => ({ role, label: 'HR Manager' });
    await api('POST', `${base}/plans/${plan.id}/actions`, {
      themeId: wellbeing.id,
      title: 'Wellbeing policy',
      status: 'not-started',
      leads: [hrManager('strategic'), hrManager('operational')],
      due: { text: 'January 2026', kind: 'date', due: '2026-01-31', precision: 'month' },
    });
    const page = await tabs.open();
    await signIn(page, e.url, HR);
    await page.waitForURL(new RegExp(`/councils/${C}$`));
    const overdueLead = page.locator('tr', { hasText: 'Wellbeing policy' }).locator('td[data-label="Lead"]');
    expect(await overdueLead.first().innerText()).toBe('HR Manager');
    const card = page.locator('section.app-plan-card').filter({ hasText: 'Northvale Workforce Plan' });
    await card.locator('table').waitFor();
    // Each count says what it lists to a screen reader, not the number alone.
    const link = card.getByRole('link', { name: '2 on track actions in 1. Recruitment' });
    expect(await link.count()).toBe(1);
    expect(await card.getByRole('link', { name: '3 on track actions in the plan' }).count()).toBe(1);
    await expectAccessible(page, 'new-council-dashboard-counts');

    await tabTo(page, { text: '2 on track actions in 1. Recruitment', tag: 'A' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/plans\/[^/?]+\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'on-track', theme: recruitment.id });
    await page.getByText('Showing 2 of 5 actions').waitFor();
    const shown = await page.locator('table.app-action-table tbody tr').allInnerTexts();
    expect(shown.join('\n')).toContain('Careers site');
    expect(shown.join('\n')).toContain('Apprentice scheme');
    expect(shown.join('\n')).not.toContain('Open days');
    expect(shown.join('\n')).not.toContain('Wellbeing survey');
  });

  it('names a milestone added with no reference by its title when it is changed', async () => {
    const api = e.as(HR);
    const plan = await api('POST', `/api/v1/councils/${C}/plans`, {
      title: 'Northvale Pay Plan',
      kind: 'business-plan',
    });
    const action = await api('POST', `/api/v1/councils/${C}/plans/${plan.id}/actions`, {
      title: 'Review pay bands',
      status: 'on-track',
      leads: [],
    });
    const page = await tabs.open();
    await signIn(page, e.url, HR);
    await page.goto(`${e.url}/councils/${C}/actions/${action.id}`);
    await page.getByRole('heading', { level: 1, name: 'Review pay bands' }).waitFor();
    await press(page, 'Add a milestone');
    // The reference may be left out, and its label says so.
    expect(await page.locator('label[for="ms-new-ref"]').innerText()).toBe('Reference (optional)');
    await typeInto(page, 'ms-new-title', 'Consult the unions');
    await press(page, 'Add milestone');
    await page.locator('.govuk-notification-banner--success').getByText('Milestone added').waitFor();
    const change = await page.locator('button[id^="milestone-change-"]').getAttribute('id');
    await tabTo(page, { id: change! }, { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Change milestone Consult the unions');
    await expectAccessible(page, 'new-council-milestone-no-ref');
  });
});

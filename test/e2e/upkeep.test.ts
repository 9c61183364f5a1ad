import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, focusedText, pages, successBanner, summaryLink } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const EDITOR = 'editor@harrow.demo';

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

const dateInto = async (page: Page, id: string, [day, month, year]: [string, string, string]) => {
  await page.fill(`#${id}-day`, day);
  await page.fill(`#${id}-month`, month);
  await page.fill(`#${id}-year`, year);
};
const themeOrder = (page: Page) =>
  page.locator('ol[aria-label="Objectives, in order"] .app-order-list__text').allInnerTexts();

/** The new-plan page: refused empty, then the plan with two themes and two reporting points, as a draft. */
async function createPlan(page: Page): Promise<string> {
  await page.goto(`${e.url}/councils/harrow`);
  await page.getByRole('link', { name: 'Create a plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Create a plan' }).waitFor();
  await expectAccessible(page, 'plan-new');
  await page.getByRole('button', { name: 'Create the plan' }).click();
  await summaryLink(page, 'title').waitFor();
  expect(await summaryLink(page, 'kind').innerText()).toBe('Choose what kind of plan it is');
  await expectAccessible(page, 'plan-new-errors');

  await page.fill('#title', 'Workforce plan 2026-27 (browser)');
  await page.getByLabel('Peer review action plan').check();
  await page.fill('#periodLabel', '2026-27');
  await dateInto(page, 'periodStart', ['1', '4', '2026']);
  await dateInto(page, 'periodEnd', ['31', '3', '2026']);
  await page.fill('#approvalBody', 'Cabinet');
  await page.getByRole('button', { name: 'Add a reporting point' }).click();
  await page.fill('#point-1-label', 'Mid-year 2026-27');
  await dateInto(page, 'point-1-date', ['30', '9', '2026']);
  await page.getByRole('button', { name: 'Add a reporting point' }).click();
  await page.fill('#point-2-label', 'Year-end 2026-27');
  await page.getByRole('button', { name: 'Create the plan' }).click();
  // The end before the start, a point without a date: each named and linked to its field.
  expect(await summaryLink(page, 'periodEnd-day').innerText()).toBe('The period must end after it starts');
  expect(await summaryLink(page, 'point-2-date-day').count()).toBe(1);
  await dateInto(page, 'periodEnd', ['31', '3', '2027']);
  await dateInto(page, 'point-2-date', ['31', '3', '2027']);
  // The groups field is named by the kind chosen: a peer review's are headings.
  await page.getByLabel('Headings (optional)').fill('Leadership\nStrategy');
  await page.getByRole('button', { name: 'Create the plan' }).click();
  await successBanner(page, 'Plan created');
  await page.getByRole('heading', { level: 1, name: 'Workforce plan 2026-27 (browser)' }).waitFor();
  const facts = await page.locator('main .govuk-summary-list').first().innerText();
  expect(facts).toContain('Draft');
  expect(facts).toContain('Mid-year 2026-27 (30 September 2026), Year-end 2026-27 (31 March 2027)');
  expect(facts).toContain('Quarterly');
  await expectAccessible(page, 'plan-created');
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The details, changed: owner, cadence, a third reporting point; the form takes focus. */
async function changeDetails(page: Page) {
  await page.getByRole('button', { name: 'Change the plan’s details' }).click();
  expect(await focusedText(page)).toBe('Change the plan’s details');
  expect(await page.inputValue('#title')).toBe('Workforce plan 2026-27 (browser)');
  await page.fill('#ownerLabel', 'Director of People');
  await page.fill('#directorate', 'Resources');
  // The council's own word for the plan's groups, in place of the kind's ("Heading"), typed in lower
  // case: headings still start with a capital ("Objective 1"), sentences take "an" ("Add an objective").
  await page.fill('#themeNoun', 'objective');
  await page.getByLabel('Every six months').check();
  await page.getByRole('button', { name: 'Add a reporting point' }).click();
  await page.fill('#point-3-label', 'Q3 2026-27');
  await expectAccessible(page, 'plan-details-form');
  await page.getByRole('button', { name: 'Save the plan’s details' }).click();
  await summaryLink(page, 'point-3-date-day').waitFor();
  await dateInto(page, 'point-3-date', ['31', '12', '2026']);
  await page.getByRole('button', { name: 'Save the plan’s details' }).click();
  await successBanner(page, 'Plan details saved');
  const facts = page.locator('main .govuk-summary-list').first();
  await facts.getByText('Director of People').waitFor();
  expect(await page.getByLabel('Objective', { exact: true }).count()).toBe(1);
  expect(await page.getByLabel('Heading', { exact: true }).count()).toBe(0);
  const text = await facts.innerText();
  for (const want of [
    'Its groups are called',
    'Resources',
    'Every six months',
    // Reporting points in the order they come round.
    'Mid-year 2026-27 (30 September 2026), Q3 2026-27 (31 December 2026), Year-end 2026-27 (31 March 2027)',
  ]) {
    expect(text).toContain(want);
  }
}

/** Draft → active, with a confirmation that takes focus. */
async function activate(page: Page) {
  await page.getByRole('button', { name: 'Make this plan active' }).click();
  await page.getByRole('heading', { name: 'Make this plan active?' }).waitFor();
  expect(await focusedText(page)).toBe('Make this plan active?');
  await expectAccessible(page, 'plan-confirm-active');
  await page.getByRole('button', { name: 'Yes, make this plan active' }).click();
  await successBanner(page, 'The plan is now active');
  await page.getByRole('heading', { name: 'This plan is active' }).waitFor();
}

/** Themes: one added, one renamed, the new one moved up; the order is the plan's. */
async function shapeThemes(page: Page) {
  expect(await page.getByRole('heading', { level: 2, name: 'Objectives of this plan' }).count()).toBe(1);
  await page.getByRole('button', { name: 'Add an objective' }).click();
  expect(await focusedText(page)).toBe('Add an objective');
  await page.fill('#theme-title', 'Delivery');
  await page.getByRole('button', { name: 'Add the objective' }).click();
  await successBanner(page, 'Objective added');
  await page.getByRole('button', { name: /^Rename\s+Objective 2: Strategy$/ }).click();
  await page.fill('#theme-title', 'Strategy and planning');
  await expectAccessible(page, 'theme-rename');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await successBanner(page, 'Objective renamed');
  await page.getByRole('button', { name: /^Move up\s+Objective 3: Delivery$/ }).click();
  await expect
    .poll(() => themeOrder(page))
    .toEqual(['Objective 1: Leadership', 'Objective 3: Delivery', 'Objective 2: Strategy and planning']);
  // Focus stays with the theme that moved.
  expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^(up|down)-/);
  // A stray theme (a line an import took for one) is removed beside its name, after a question that
  // takes focus.
  await page.getByRole('button', { name: 'Add an objective' }).click();
  await page.fill('#theme-title', 'Stray line');
  await page.getByRole('button', { name: 'Add the objective' }).click();
  await successBanner(page, 'Objective added');
  await page.getByRole('button', { name: /^Remove\s+Objective 4: Stray line$/ }).click();
  await expect.poll(() => focusedText(page)).toBe('Yes, remove it');
  await expectAccessible(page, 'theme-remove');
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await successBanner(page, 'Objective removed');
  await expect
    .poll(() => themeOrder(page))
    .toEqual(['Objective 1: Leadership', 'Objective 3: Delivery', 'Objective 2: Strategy and planning']);
}

/** Two actions under Leadership, the second moved above the first. */
async function addActions(page: Page) {
  const leadership = page.locator('section.app-theme').filter({ hasText: 'Objective 1: Leadership' });
  for (const [ref, title] of [
    ['1.1', 'Launch a leadership programme'],
    ['1.2', 'Appoint a workforce lead'],
  ]) {
    await leadership.getByRole('button', { name: /^Add an action/ }).click();
    await page.fill('#new-ref', ref!);
    await page.fill('#new-title', title!);
    await page.fill('#new-due', 'March 2027');
    await page.getByText('Read as: by 31 March 2027').waitFor();
    if (ref === '1.1') await expectAccessible(page, 'action-add');
    await page.getByRole('button', { name: 'Add the action' }).click();
    // Said beside the objective's table, not in a banner at the top of the plan.
    await leadership.locator('.app-saved-note').getByText(`Action added: ${ref} ${title}`).waitFor();
  }
  await leadership.locator('summary').filter({ hasText: 'Change the order of the actions' }).click();
  await leadership.getByRole('button', { name: /^Move up\s+1\.2 Appoint a workforce lead$/ }).click();
  await expect
    .poll(() => leadership.locator('table.app-action-table tbody tr td:first-child').allInnerTexts())
    .toEqual(['1.2', '1.1']);
}

describe('keeping a plan up in the browser', { timeout: 300_000 }, () => {
  it('creates a plan from nothing and keeps it up through draft, active, closed and archived', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    const planId = await createPlan(page);
    await changeDetails(page);
    await activate(page);
    await shapeThemes(page);
    await addActions(page);
    await expectAccessible(page, 'plan-kept-up');
    await keepActionUp(page, planId);
    await fillTables(page, planId);
    await closePlan(page);
    await archivePlan(planId);
  });
});

/** On an action's page: edit (focus), move theme, sub-action, milestone moved later with a reason, cancel. */
async function keepActionUp(page: Page, planId: string) {
  await page.getByRole('link', { name: 'Launch a leadership programme' }).click();
  await page.getByRole('heading', { level: 1, name: 'Launch a leadership programme' }).waitFor();
  await page.getByRole('button', { name: 'Edit this action' }).click();
  expect(await focusedText(page)).toBe('Edit this action');
  // The move is offered under the plan's own word for its groups.
  await page.getByLabel('Objective', { exact: true }).selectOption({ label: '3: Delivery' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  // A move says where to, in the plan's word for its groups; the page says which group it is in.
  await successBanner(page, 'Moved to Objective 3: Delivery');
  await page.getByTestId('action-group').getByText('Objective 3: Delivery').waitFor();

  await page.getByRole('button', { name: 'Add a sub-action' }).click();
  expect(await focusedText(page)).toBe('Add a sub-action to 1.1 Launch a leadership programme');
  await page.fill('#new-ref', '1.1.1');
  await page.fill('#new-title', 'Choose a provider');
  await page.getByRole('button', { name: 'Add the sub-action' }).click();
  await successBanner(page, 'Sub-action added');
  await page.getByRole('button', { name: 'Add a sub-action' }).click();
  await page.fill('#new-ref', '1.1.2');
  await page.fill('#new-title', 'Agree the budget');
  await page.getByRole('button', { name: 'Add the sub-action' }).click();
  await successBanner(page, 'Sub-action added');
  const subs = page.locator('#sub-actions ~ ul li a');
  await expect
    .poll(() => subs.allInnerTexts())
    .toEqual(['1.1.1 Choose a provider', '1.1.2 Agree the budget']);
  await page.locator('summary').filter({ hasText: 'Change the order of the sub-actions' }).click();
  await page.getByRole('button', { name: 'Move up 1.1.2 Agree the budget' }).click();
  await expect
    .poll(() => subs.allInnerTexts())
    .toEqual(['1.1.2 Agree the budget', '1.1.1 Choose a provider']);

  await page.getByRole('button', { name: 'Add a milestone' }).click();
  expect(await focusedText(page)).toBe('Add a milestone');
  await page.fill('#ms-new-ref', 'A');
  await page.fill('#ms-new-title', 'Provider chosen');
  await page.fill('#ms-new-due', 'January 2027');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await successBanner(page, 'Milestone added');
  await page.getByRole('button', { name: /^Change\s+milestone A/ }).click();
  expect(await focusedText(page)).toBe('Change milestone A');
  await page.fill('#ms-edit-due', 'April 2027');
  await page.getByLabel('Why is it moving later?').waitFor();
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await summaryLink(page, 'ms-edit-reason').waitFor();
  await expectAccessible(page, 'milestone-rebaseline-error');
  await page.fill('#ms-edit-reason', 'Procurement rules need a second round');
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await successBanner(page, 'Milestone saved');
  const row = page.locator('section[aria-labelledby="milestones"] tbody tr').first();
  await row.getByText('Procurement rules need a second round').waitFor();
  expect(await row.innerText()).toContain('Re-baselined');

  await page.getByRole('button', { name: 'Cancel this action' }).click();
  expect(await focusedText(page)).toBe('Cancel this action?');
  await page.fill('#cancel-reason', 'Merged into the corporate programme');
  await expectAccessible(page, 'action-cancel');
  await page.getByRole('button', { name: 'Yes, cancel the action' }).click();
  await successBanner(page, /Action cancelled/);
  await page.locator('.app-tags-line').getByText('Cancelled').waitFor();
  expect(await page.locator('.app-history').innerText()).toContain(
    'Cancelled: Merged into the corporate programme',
  );
  await page.goto(`${e.url}/councils/harrow/plans/${planId}`);
  const delivery = page.locator('section.app-theme').filter({ hasText: 'Objective 3: Delivery' });
  // Moved with its sub-action, and kept (cancelled) in the plan.
  await expect
    .poll(() => delivery.locator('tbody tr td:first-child').allInnerTexts())
    .toEqual(['1.1', '1.1.2', '1.1.1']);
  expect(await delivery.locator('tbody tr').first().innerText()).toContain('Cancelled');

  // A sub-action is edited like any action.
  await delivery.getByRole('link', { name: 'Choose a provider' }).click();
  await page.getByRole('button', { name: 'Edit this action' }).click();
  await page.fill('#title', 'Choose a training provider');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await successBanner(page, 'Action saved');
  await page.getByRole('heading', { level: 1, name: 'Choose a training provider' }).waitFor();
}

/** An indicator with targets and actuals per period; a risk, a continuity function and a decision. */
async function fillTables(page: Page, planId: string) {
  await page.goto(`${e.url}/councils/harrow/plans/${planId}`);
  await page.getByRole('button', { name: 'Add a performance indicator' }).click();
  expect(await focusedText(page)).toBe('Add a performance indicator');
  await page.fill('#item-name', 'Sickness days per employee');
  await page.getByLabel('Lower').check();
  await page.getByRole('button', { name: 'Add a row to targets' }).click();
  await page.fill('#item-targets-1-period', '2026-27 Q1');
  await page.fill('#item-targets-1-value', 'eight');
  await page.getByRole('button', { name: 'Add the performance indicator' }).click();
  await summaryLink(page, 'item-targets-1-value').waitFor();
  await expectAccessible(page, 'indicator-error');
  await page.fill('#item-targets-1-value', '8');
  await page.getByRole('button', { name: 'Add a row to actuals' }).click();
  await page.fill('#item-actuals-1-period', '2026-27 Q1');
  await page.fill('#item-actuals-1-value', '9.5');
  await page.getByRole('button', { name: 'Add the performance indicator' }).click();
  await successBanner(page, 'Performance indicator added');
  const indicators = await page.locator('section[aria-labelledby="indicators"] tbody').innerText();
  expect(indicators).toContain('2026-27 Q1: 8');
  expect(indicators).toContain('2026-27 Q1: 9.5');
  for (const [button, field, value, done] of [
    ['Add a risk', '#item-description', 'Key staff leave', 'Risk added'],
    ['Add a business continuity function', '#item-name', 'Payroll', 'Business continuity function added'],
    ['Add a key decision', '#item-title', 'Restructure the HR team', 'Key decision added'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await page.fill(field, value);
    await page.locator('form[aria-labelledby="item-form"] button[type="submit"]').click();
    await successBanner(page, done);
  }
  // Each changed: the indicator's actual for a second period, and a field of each of the others.
  await page
    .getByRole('button', { name: 'Change performance indicator: Sickness days per employee' })
    .click();
  expect(await focusedText(page)).toBe('Change this performance indicator');
  await page.getByRole('button', { name: 'Add a row to actuals' }).click();
  await page.fill('#item-actuals-2-period', '2026-27 Q2');
  await page.fill('#item-actuals-2-value', '8.7');
  await expectAccessible(page, 'indicator-change');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await successBanner(page, 'Performance indicator saved');
  await page
    .locator('section[aria-labelledby="indicators"] tbody')
    .getByText(/2026-27 Q2: 8\.7/)
    .waitFor();
  for (const [button, field, value, done, table] of [
    ['risk: Key staff leave', '#item-mitigation', 'Succession plans', 'Risk saved', 'risks'],
    [
      'business continuity function: Payroll',
      '#item-minimumServiceLevel',
      'Staff paid on time',
      'Business continuity function saved',
      'continuity',
    ],
    [
      'key decision: Restructure the HR team',
      '#item-decisionMaker',
      'Cabinet',
      'Key decision saved',
      'decisions',
    ],
  ] as const) {
    await page.getByRole('button', { name: `Change ${button}` }).click();
    await page.fill(field, value);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await successBanner(page, done);
    await page.locator(`section[aria-labelledby="${table}"] tbody`).getByText(value).waitFor();
  }
  await expectAccessible(page, 'plan-tables');
}

/** Active → closed, with a confirmation. */
async function closePlan(page: Page) {
  await page.getByRole('button', { name: 'Close this plan' }).click();
  await page.getByRole('button', { name: 'Yes, close this plan' }).click();
  await successBanner(page, 'The plan is now closed');
  await page.getByRole('button', { name: 'Reopen this plan' }).waitFor();
  // Editors do not archive: only administrators see that control.
  expect(await page.getByRole('button', { name: 'Archive this plan' }).count()).toBe(0);
}

/** Closed → archived, by an administrator, with a confirmation. */
async function archivePlan(planId: string) {
  const page = await tabs.open();
  await signIn(page, e.url, 'admin@harrow.demo');
  await page.goto(`${e.url}/councils/harrow/plans/${planId}`);
  await page.getByRole('button', { name: 'Archive this plan' }).click();
  expect(await focusedText(page)).toBe('Archive this plan?');
  await expectAccessible(page, 'plan-confirm-archive');
  await page.getByRole('button', { name: 'Yes, archive this plan' }).click();
  await successBanner(page, 'The plan is now archived');
  await expect.poll(() => page.locator('main .govuk-summary-list').first().innerText()).toContain('Archived');
  // Nothing further to move it to: no status controls are left.
  expect(await page.locator('section[aria-labelledby="plan-status"]').count()).toBe(0);
  await expectAccessible(page, 'plan-archived');
}

/**
 * The import wizard in real Chromium against the local stack (issue 15): a Word plan and a PDF uploaded,
 * a column mapped in plain words, the mapping saved and offered next time, the plan's start date, a
 * deadline corrected with its wording kept, a warning acknowledged (by keyboard), a likely duplicate
 * lead matched at preview and two duplicate people merged on the people page; axe on every state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFORCE_PLAN_TITLE, workforcePlanDocx } from '../../packages/importer/testing/docx-plans.js';
import { objectivesPlan } from '../support/pasted-plans.js';
import { focusedText } from './support/browser.js';
import {
  axe,
  describeViolations,
  type E2eStack,
  REPO,
  RESULTS,
  signIn,
  startStackAndBrowser,
} from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const EDITOR = 'editor@harrow.demo';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await e?.stack.stop();
});

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
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

const previewed = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Check the import' }).waitFor({ timeout: 60_000 });
/** The element with focus: its tag and text. */
const focusedHeading = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName,
    text: document.activeElement?.textContent?.trim(),
  }));
const planView = (page: Page) => page.locator('section.app-import-plan');
/** The preview's action tables (the plan page's own), without the table of other columns. */
const actionTables = (page: Page) => planView(page).locator('table.app-action-table');

const RENAMED = 'Workforce Strategy Action Plan 2026 to 2029';

describe('import wizard', { timeout: 180_000 }, () => {
  it('imports a Word plan: a column mapped in plain words and saved, a plan start, a corrected deadline, a lead matched', async () => {
    const api = e.as(EDITOR);
    const jackie = await api('POST', '/api/v1/councils/harrow/people', { name: 'Jackie Turner-Robinson' });
    const page = await newPage();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/import`);
    await page.getByRole('heading', { level: 1, name: 'Import a plan' }).waitFor();
    await expectAccessible(page, 'import-start');

    await page.setInputFiles('#import-file', {
      name: 'workforce.docx',
      mimeType: DOCX,
      buffer: await workforcePlanDocx(),
    });
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await previewed(page);
    // A new step at the same address: focus goes to its heading, as on every other step and page.
    await expect.poll(() => focusedHeading(page)).toEqual({ tag: 'H1', text: 'Check the import' });
    // The plan as the plan page shows it: actions, deadlines as written, flagged where no date is known.
    await actionTables(page).getByText('Refresh the workforce strategy').waitFor();
    expect(await actionTables(page).first().innerText()).toContain('Post restructuring');
    // Columns in plain words only: no internal field names anywhere.
    const main = await page.locator('main').innerText();
    expect(main).toContain('Not sure: please check');
    expect(main).not.toMatch(/lead:|currentPosition|measureOfSuccess/);
    await expectAccessible(page, 'import-preview-docx');

    // Reachable before anything changed (a disabled button is skipped by Tab), and says what to do first.
    const again = page.getByRole('button', { name: 'Preview again with these columns' });
    expect(await again.isDisabled()).toBe(false);
    await again.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('No column has been changed yet').waitFor();
    expect(await again.getAttribute('aria-describedby')).toBeTruthy();
    await expectAccessible(page, 'import-preview-unchanged');
    await page.getByLabel('Champion').selectOption({ label: 'Who leads it' });
    expect(await page.getByText('No column has been changed yet').count()).toBe(0);
    await again.click();
    await actionTables(page).getByText('J. Turner-Robinson').waitFor();

    await page.getByLabel('Name for these column choices').fill('Workforce plans');
    await page.getByRole('button', { name: 'Save column choices' }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText('Column choices saved as “Workforce plans”')
      .waitFor();
    await expectAccessible(page, 'import-mapping-saved');

    // "Within next 6 months" counts from the start given.
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('6');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Preview again from this date' }).click();
    await page.locator('.govuk-summary-list').getByText('1 June 2026').waitFor();
    await actionTables(page).getByText('1 December 2026').waitFor();

    const fix = page.getByLabel('Date to use for action 1');
    // Words with no date in them are refused, and the summary links to the box.
    await fix.fill('when it suits');
    await page.getByRole('button', { name: 'Import this plan' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Give a date PeoplePlan can read for action 1, like “March 2027”' })
      .waitFor();
    await expectAccessible(page, 'import-deadline-error');
    await fix.fill('31 May 2027');
    await page
      .getByText('Read as: by 31 May 2027. The plan keeps “Post restructuring” as written.')
      .waitFor();
    await page.getByLabel('J. Turner-Robinson').selectOption({ label: 'Jackie Turner-Robinson' });
    expect(await page.locator('main').innerText()).toContain('Possible duplicate');
    // The title as read, which the person may put right before importing.
    const title = page.getByLabel('Plan title');
    expect(await title.inputValue()).toBe(WORKFORCE_PLAN_TITLE);
    await title.fill('');
    await page.getByRole('button', { name: 'Import this plan' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter the plan’s title' })
      .waitFor();
    await title.fill(RENAMED);
    await expectAccessible(page, 'import-preview-edited');

    await page.getByRole('button', { name: 'Import this plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan imported' }).waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'import-done');
    await page.getByRole('link', { name: 'Open the imported plan' }).click();
    await page.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
    // The start given at import is the plan's own.
    expect(await page.locator('main .govuk-summary-list').first().innerText()).toMatch(
      /Period\s+(.+: )?(From )?1 June 2026/,
    );
    const row = page.locator('table.app-action-table tbody tr', {
      hasText: 'Refresh the workforce strategy',
    });
    const text = await row.innerText();
    // The council's wording kept, the date beside it.
    expect(text).toContain('Post restructuring');
    expect(text).toContain('31 May 2027');
    expect(text).toContain('J. Turner-Robinson');
    await expectAccessible(page, 'import-plan-page');

    const planId = new URL(page.url()).pathname.split('/').pop();
    const contents = await api('GET', `/api/v1/councils/harrow/plans/${planId}/contents`);
    const first = contents.actions.find((a: { ref: string }) => a.ref === '1');
    expect(first.leads[0]).toMatchObject({ label: 'J. Turner-Robinson', personId: jackie.id });
    expect(first.extra).toEqual([{ label: 'Supporting partners', text: 'Unison' }]);
  });

  it('offers the saved mapping next time, and reads a PDF', async () => {
    const api = e.as(EDITOR);
    const page = await newPage();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/import`);
    const saved = page.getByLabel('Column choices');
    await saved.waitFor();
    expect(await saved.locator('option').allInnerTexts()).toContain('Workforce plans');
    // A saved mapping can be deleted from here too.
    await api('POST', '/api/v1/councils/harrow/import-mappings', {
      name: 'Old layout',
      columns: { Who: 'lead:responsible' },
    });
    await page.reload();
    await saved.selectOption({ label: 'Old layout' });
    await page.getByRole('button', { name: 'Delete these saved column choices' }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText('Column choices “Old layout” deleted.')
      .waitFor();
    expect(await saved.locator('option').allInnerTexts()).not.toContain('Old layout');
    await expectAccessible(page, 'import-start-saved');

    const pdf = readFileSync(join(REPO, 'packages/importer/test/fixtures/pdf/iip-plan.pdf'));
    await page.setInputFiles('#import-file', {
      name: 'iip-plan.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await previewed(page);
    await planView(page)
      .getByRole('heading', { name: /Managers do not hold regular appraisals/ })
      .waitFor();
    const view = await planView(page).innerText();
    expect(view).toContain('HR/OD Manager');
    expect(view).toContain('Corporate Communications');
    expect(view).toContain('March 2015');
    await expectAccessible(page, 'import-preview-pdf');
    await page.getByRole('button', { name: 'Import this plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan imported' }).waitFor({ timeout: 60_000 });
  });

  it('calls the plan’s groups by the word its headings use, and rates each action as the plan page will', async () => {
    const page = await newPage();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/import`);
    await page.getByLabel('Paste a table').check();
    await page.getByLabel('Paste the plan’s table').fill(objectivesPlan('Pay and recruitment plan 2026-27'));
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await previewed(page);
    const facts = page.locator('main .govuk-summary-list').first();
    const fact = (key: string) => facts.locator('.govuk-summary-list__row', { hasText: key }).innerText();
    expect(await fact('Its groups are called')).toMatch(/Its groups are called\s+Objective/);
    expect(await fact('Objectives')).toMatch(/Objectives\s+2/);
    expect(await facts.innerText()).not.toMatch(/Themes|Key priorities/);
    await planView(page).getByRole('heading', { name: 'Objective 2: Recruitment' }).waitFor();
    // Only the columns the plan fills (no empty Start column: it gives none), its leads as "Lead".
    expect(await actionTables(page).first().locator('thead th').allInnerTexts()).toEqual([
      'Ref',
      'Action',
      'Status',
      'Lead',
      'End',
    ]);
    // Each action's rating in words, by the council's rules, as the plan page will show it: never a
    // grey placeholder ("On track · Grey").
    const titles = ['Review pay bands', 'Agency spend review', 'New careers site', 'Open days'];
    const ratings = async (tables: ReturnType<typeof actionTables>) => {
      const out: Record<string, string> = {};
      for (const title of titles) {
        const tags = tables.locator('tbody tr', { hasText: title }).locator('.govuk-tag');
        out[title] = (await tags.allInnerTexts()).join(' · ').replace(/RAG rating:\s*/, '');
      }
      return out;
    };
    const previewed_ = await ratings(actionTables(page));
    expect(previewed_['Review pay bands']).toBe('On track · Green');
    expect(previewed_['New careers site']).toBe('Off track · Red');
    expect(previewed_['Open days']).toBe('At risk · Amber');
    expect(Object.values(previewed_).join(' ')).not.toContain('Grey');
    await expectAccessible(page, 'import-preview-own-word');

    await page.getByRole('button', { name: 'Import this plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan imported' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Open the imported plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pay and recruitment plan 2026-27' }).waitFor();
    expect(await ratings(page.locator('table.app-action-table'))).toEqual(previewed_);
  });

  it('will not import a plan read as empty until the warning is acknowledged (keyboard only)', async () => {
    const page = await newPage();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/import`);
    await page.getByLabel('Paste a table').check();
    await page.getByLabel('Paste the plan’s table').fill('Action\tLead\tDeadline\n');
    await page.getByRole('button', { name: 'Preview the import' }).focus();
    await page.keyboard.press('Enter');
    await previewed(page);
    await expect.poll(() => focusedHeading(page)).toEqual({ tag: 'H1', text: 'Check the import' });
    const box = page.getByLabel(/I have checked this: No actions were found/);
    expect(await page.locator('.govuk-checkboxes__hint').first().innerText()).toBe('In the document: line 1');
    await expectAccessible(page, 'import-acknowledge');

    await page.getByRole('button', { name: 'Import this plan' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText(/Tick each warning/).waitFor();
    await expectAccessible(page, 'import-acknowledge-error');
    // The summary's link takes focus to the box; Space ticks it.
    await summary.getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'ack-0');
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Import this plan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Plan imported' }).waitFor({ timeout: 60_000 });
  });

  it('merges two people who are one on the people page, keeping what they lead', async () => {
    const api = e.as(EDITOR);
    const keep = await api('POST', '/api/v1/councils/harrow/people', {
      name: 'Chris Patel',
      email: 'chris@harrow.demo',
    });
    const dup = await api('POST', '/api/v1/councils/harrow/people', { name: 'C. Patel' });
    const plan = await api('POST', '/api/v1/councils/harrow/plans', {
      title: 'Recruitment plan',
      kind: 'business-plan',
      status: 'active',
      ownerPersonId: dup.id,
      themes: [{ ref: '1', title: 'Recruitment' }],
    });
    const page = await newPage();
    await signIn(page, e.url, EDITOR);
    // A person's own page offers a merge with anyone in the directory.
    await page.goto(`${e.url}/councils/harrow/people/${dup.id}`);
    await page.getByLabel('C. Patel is the same person as').waitFor();
    await page.getByRole('button', { name: 'Merge into this person' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText('Choose who C. Patel is the same person as')
      .waitFor();
    await expectAccessible(page, 'person-merge-error');
    await page.goto(`${e.url}/councils/harrow/people`);
    const group = page.locator('form.app-duplicate-group', { hasText: 'C. Patel' });
    await group.waitFor();
    await expectAccessible(page, 'people-duplicates');
    await group.getByLabel(/^Chris Patel/).check();
    await group.getByRole('button', { name: 'Merge the others into the one kept' }).click();
    // A merge is confirmed first, saying who goes where; focus goes to the question.
    expect(await focusedText(page)).toBe('Merge C. Patel into Chris Patel?');
    await expectAccessible(page, 'people-merge-confirm');
    await group.getByRole('button', { name: 'Yes, merge' }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText('C. Patel merged into Chris Patel: 1 plan moved across.')
      .waitFor();
    await expectAccessible(page, 'people-merged');
    const names = await page.locator('table.app-table tbody td:first-child').allInnerTexts();
    expect(names).toContain('Chris Patel');
    expect(names).not.toContain('C. Patel');
    expect((await api('GET', `/api/v1/councils/harrow/plans/${plan.id}`)).ownerPersonId).toBe(keep.id);
  });
});

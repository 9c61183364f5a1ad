/**
 * Removing an action entered twice by mistake, by keyboard alone, in real Chromium against the local
 * stack: the editor's "Remove this action" asks first (Escape keeps it, focus back on the button), then
 * the plan's page says it has gone, its banner taking focus, and counts one action fewer. An action a
 * committee may have seen offers no removal: the hint says why and to cancel it instead. Axe on each state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, pages, successBanner, tabTo } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.demo';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

interface Seeded {
  planId: string;
  /** 2.4, a second "Run a menopause café" with a milestone: the officer's slip. */
  duplicateId: string;
  /** 2.2, with a progress update. */
  reportedId: string;
}
let seeded: Seeded;

async function seed(): Promise<Seeded> {
  const editor = e.as(EDITOR);
  const p = await editor('POST', `${H}/plans`, {
    title: 'Workforce plan 2026-27 (removal)',
    kind: 'business-plan',
    status: 'active',
    themes: [{ ref: '2', title: 'Wellbeing' }],
  });
  const ids: string[] = [];
  for (const [ref, title] of [
    ['2.1', 'Refresh the wellbeing offer'],
    ['2.2', 'Train mental health first aiders'],
    ['2.3', 'Run a menopause café'],
    ['2.4', 'Run a menopause café'],
  ] as const) {
    const a = await editor('POST', `${H}/plans/${p.id}/actions`, {
      themeId: p.themes[0].id,
      ref,
      title,
      status: 'on-track',
      due: date('2027-03-31'),
    });
    ids.push(a.id);
  }
  await editor('POST', `${H}/actions/${ids[3]}/milestones`, { title: 'Book the first café' });
  await editor('POST', `${H}/actions/${ids[1]}/updates`, { narrative: 'Twelve trained', status: 'on-track' });
  return { planId: p.id, duplicateId: ids[3]!, reportedId: ids[1]! };
}

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  seeded = await seed();
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

/** What has focus: its id, text, and whether it is in the success banner. */
const focus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      body: !el || el === document.body,
      id: el?.id ?? '',
      text: (el?.innerText ?? '').trim().replace(/\s+/g, ' '),
      banner: Boolean(el?.closest('.govuk-notification-banner--success')),
    };
  });

async function signedInOn(email: string, path: string): Promise<Page> {
  const page = await tabs.open();
  await signIn(page, e.url, email);
  await page.goto(`${e.url}/councils/harrow${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

describe('removing an action entered by mistake', { timeout: 120_000 }, () => {
  it('removes a duplicate by keyboard: asks first, then the plan says so, its banner focused', async () => {
    const page = await signedInOn(EDITOR, `/actions/${seeded.duplicateId}`);
    const remove = page.getByRole('button', { name: 'Remove this action' });
    await remove.waitFor();
    await expectAccessible(page, 'action-removal-offered');

    // Escape keeps it, and focus goes back to the button that asked.
    await tabTo(page, { text: 'Remove this action', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    const question =
      'Remove 2.4 Run a menopause café? It goes from the plan and its reports, and links to it from other actions and milestones are taken out; the audit trail keeps it.';
    await page.getByText(question).waitFor();
    await expect.poll(async () => (await focus(page)).text).toBe('Yes, remove it');
    await expectAccessible(page, 'action-removal-asked');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focus(page)).text).toBe('Remove this action');
    expect(await page.getByText(question).count()).toBe(0);

    // Asked again, and answered yes: the plan's page, whose banner takes focus.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focus(page)).text).toBe('Yes, remove it');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/councils/harrow/plans/${seeded.planId}`);
    const said = 'Action removed: 2.4 Run a menopause café. The audit trail keeps it.';
    await successBanner(page, said);
    await expect.poll(() => focus(page)).toMatchObject({ banner: true });
    expect((await focus(page)).text).toContain(said);
    await expectAccessible(page, 'action-removal-done');

    // One action fewer, and 2.3 (the one kept) still there.
    await page.getByText('3 actions', { exact: true }).waitFor();
    const rows = page.locator('section.app-theme tbody tr');
    expect(await rows.filter({ hasText: 'Run a menopause café' }).count()).toBe(1);
    expect(await rows.filter({ hasText: '2.4' }).count()).toBe(0);

    // Said once: a reload does not say it again.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('3 actions', { exact: true }).waitFor();
    expect(await page.locator('.govuk-notification-banner--success').count()).toBe(0);
    // Its page has gone with it.
    await page.goto(`${e.url}/councils/harrow/actions/${seeded.duplicateId}`);
    await page.getByText('Page not found').waitFor();
  });

  it('offers no removal of an action a committee may have seen: the hint says why, and to cancel it', async () => {
    const page = await signedInOn(EDITOR, `/actions/${seeded.reportedId}`);
    const hint = page.getByTestId('remove-action-hint');
    await hint.waitFor();
    expect(await hint.innerText()).toBe(
      'Only an action added by mistake can be removed. It has progress updates: cancel it instead.',
    );
    expect(await page.getByRole('button', { name: 'Remove this action' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel this action' }).count()).toBe(1);
    await expectAccessible(page, 'action-removal-refused');
  });

  it('offers viewers neither removal nor its hint', async () => {
    const page = await signedInOn('viewer@harrow.demo', `/actions/${seeded.reportedId}`);
    await page.getByText('Twelve trained', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Remove this action' }).count()).toBe(0);
    expect(await page.getByTestId('remove-action-hint').count()).toBe(0);
  });
});

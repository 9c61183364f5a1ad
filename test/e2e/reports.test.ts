/**
 * The reporting cycle in the browser (issue 17), in real Chromium against the real local stack: an
 * editor opens a plan's reports, sees the web page report ("as at" while the period is open), downloads
 * the Word report (opened here: its headings and tables checked), closes the mid-year period after its
 * preview, and the closed period's report ignores a later change while an open month's shows it;
 * direction of travel then shows on the dashboard and the plan; an admin reopens the period with a
 * reason, which the audit trail shows; the committee pack downloads from the dashboard. axe on every
 * page and state.
 */
import { readFileSync } from 'node:fs';
import { londonToday } from '@peopleplan/core';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, pages } from './support/browser.js';
import { type DemoPlan, demoPlanPeriod } from './support/demo-plan.js';
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
const ADMIN = 'admin@harrow.demo';
const MID_YEAR = 'Mid-year 2026-27';
/** This month in London, as the reports page names and keys it: a period that has not ended. */
const today = londonToday();
const THIS_MONTH = {
  key: today.slice(0, 7),
  label: new Intl.DateTimeFormat('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(),
  year: today.slice(0, 4),
};

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  demo = await seedDemoPlan(e);
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

const choosePeriod = (page: Page, key: string) => page.selectOption('#period', key);

/**
 * The web page report for the chosen period, opened in a new tab as a page of its own (so it scrolls,
 * prints and saves whole); that tab, once the report is in it.
 */
async function showHtml(page: Page): Promise<Page> {
  await page.getByLabel('Web page').check();
  const [report] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('button', { name: 'Open the report in a new tab' }).click(),
  ]);
  await report.locator('h1').waitFor();
  await page.getByTestId('download-status').getByText('The report opened in a new tab.').waitFor();
  return report;
}

/** The text of the report's page, then the tab closed (as a person closes it to go back to the form). */
async function reportText(report: Page): Promise<string> {
  const text = await report.locator('body').innerText();
  await report.close();
  return text;
}

/** How many pages a PDF has (Chromium writes each page's dictionary uncompressed). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

/** Downloads in the chosen format; the file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

describe('reports, closing a period and the committee pack', { timeout: 90_000 }, () => {
  it('shows the web page report and downloads the Word report from the plan’s reports page', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}`);
    await page.getByRole('link', { name: 'Reports and closing a reporting period' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await expectAccessible(page, 'reports');
    // The plan has its own reporting points: the page opens on the report period ending on the date of
    // the point updates are being gathered for, a quarter rather than the month ending that day.
    const call = e.as(EDITOR);
    const points = await call('GET', `/api/v1/councils/harrow/plans/${demo.planId}/reporting-periods`);
    const due = points.items.find((p: { value: string }) => p.value === points.current).date;
    const choices = await call('GET', `/api/v1/councils/harrow/plans/${demo.planId}/report-periods`);
    const quarter = choices.items.find(
      (p: { kind: string; end: string }) => p.kind === 'quarter' && p.end === due,
    );
    expect(quarter).toBeDefined();
    expect(await page.locator('#period').inputValue()).toBe(quarter.key);
    expect(await page.getByTestId('period-state').innerText()).toContain(quarter.label);

    await choosePeriod(page, 'mid-year-2026-27');
    expect(await page.getByTestId('period-state').innerText()).toContain('is not closed');
    const report = await showHtml(page);
    // Judged at the period's end once it has ended, and said as at that day alone (no time of day).
    expect(await report.locator('h1').innerText()).toMatch(
      new RegExp(`${MID_YEAR} \\(as at ${today > '2026-09-30' ? '30 Sep 2026' : '\\d{1,2} \\w{3} 2026'}\\)$`),
    );
    expect(await report.locator('table').count()).toBeGreaterThan(0);
    await expectAccessible(report, 'reports-html-page');
    // The report is a page of its own, not a frame: the keyboard scrolls it, and it prints whole (its
    // own A4 landscape pages, each group of actions on a new one), as the API made it.
    expect(report.url()).toMatch(/^blob:/);
    expect(await report.locator('iframe').count()).toBe(0);
    await report.locator('body').click({ position: { x: 5, y: 5 } });
    await report.keyboard.press('End');
    await expect.poll(() => report.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(pdfPages(await report.pdf())).toBeGreaterThan(2);
    // Nothing in it runs or loads, and it cannot reach the app's page that opened it.
    expect(
      await report.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toContain("default-src 'none'");
    expect(await report.evaluate(() => window.opener)).toBeNull();
    await report.close();
    // The status says so, with a link that opens it again (and opens it when a browser blocks the tab).
    const [again] = await Promise.all([
      page.context().waitForEvent('page'),
      page
        .getByTestId('download-status')
        .getByRole('link', { name: 'Open it again (opens in a new tab)' })
        .click(),
    ]);
    expect(await again.locator('h1').innerText()).toContain(MID_YEAR);
    await again.close();
    await expectAccessible(page, 'reports-html');

    await page.getByLabel('Word document (.docx)').check();
    const word = await download(page, 'Download the report');
    expect(word.name).toMatch(/^corporate-peer-review-action-plan.*mid-year-2026-27\.docx$/);
    await page.getByTestId('download-status').getByText(`Downloaded ${word.name}`).waitFor();
    const xml = documentXml(word.bytes);
    expect(xml).toContain(demo.planTitle);
    for (const heading of ['Summary', 'Exceptions'])
      expect(xml).toMatch(new RegExp(`Heading1.{0,400}>${heading}<`, 's'));
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('as at');

    await page.getByLabel('Excel spreadsheet (.xlsx)').check();
    expect((await download(page, 'Download the report')).name).toMatch(/\.xlsx$/);
    await page.getByLabel('CSV file (.csv)').check();
    const csv = await download(page, 'Download the report');
    expect(csv.name).toMatch(/\.csv$/);
    expect(new TextDecoder().decode(csv.bytes)).toContain('Agree the corporate workforce plan');
  });

  it('closes the mid-year after its preview; the closed report ignores a later change, an open one says “as at”', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}/reports?period=mid-year-2026-27`);
    await page.getByRole('button', { name: `See what closing ${MID_YEAR} will freeze` }).click();
    const preview = page.getByTestId('close-preview');
    await preview.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      `Close ${MID_YEAR} and freeze its report?`,
    );
    const facts = await preview.innerText();
    expect(facts).toContain('1 April 2026 to 30 September 2026');
    expect(facts).toMatch(/Actions\s+3/);
    expect(facts).not.toMatch(/on-track|not-started/);
    // The mid-year has ended: no warning that it has not.
    expect(await page.getByTestId('close-early').count()).toBe(0);
    // What the report will list as without an update, by theme, each with its update round.
    const missing = page.getByTestId('close-not-updated');
    expect(await missing.innerText()).toContain(`2 open actions have no update for ${MID_YEAR}.`);
    expect(await missing.getByRole('link').allInnerTexts()).toEqual([
      '1.1 Develop a member development programme',
      'Run the update round for Heading 1: Leadership',
      '2.1 Align directorate business plans with the people strategy',
      'Run the update round for Heading 2: Strategy',
    ]);
    await expectAccessible(page, 'reports-close-preview');
    await page.getByRole('button', { name: `Yes, close ${MID_YEAR}` }).click();
    await page.locator('.govuk-notification-banner--success').getByText(`${MID_YEAR} is closed`).waitFor();
    // The periods are read again after the close.
    await page.getByTestId('period-state').getByText(`${MID_YEAR} is closed`).waitFor();
    expect(await page.locator('#period option:checked').innerText()).toBe(`${MID_YEAR} (closed)`);
    await expectAccessible(page, 'reports-closed');

    // Later, someone renames an action and reports it off track.
    const call = e.as(EDITOR);
    const overdue = demo.actionIds[1]!;
    const action = await call('GET', `/api/v1/councils/harrow/actions/${overdue}`);
    await call('PATCH', `/api/v1/councils/harrow/actions/${overdue}`, {
      version: action.version,
      title: 'Renamed after the period closed',
    });
    const frozenReport = await showHtml(page);
    expect(await frozenReport.locator('h1').innerText()).not.toContain('as at');
    const frozenText = await reportText(frozenReport);
    expect(frozenText).toContain('Agree the corporate workforce plan');
    expect(frozenText).not.toContain('Renamed after the period closed');

    await choosePeriod(page, THIS_MONTH.key);
    expect(await page.getByTestId('period-state').innerText()).toContain('is not closed');
    const monthReport = await showHtml(page);
    expect(await monthReport.locator('h1').innerText()).toMatch(
      new RegExp(`${THIS_MONTH.label} \\(as at \\d{1,2} \\w{3} ${THIS_MONTH.year}\\)$`),
    );
    expect(await reportText(monthReport)).toContain('Renamed after the period closed');

    // This month has not ended: its preview warns, before the button that would close it.
    await page.getByRole('button', { name: `See what closing ${THIS_MONTH.label} will freeze` }).click();
    const early = page.getByTestId('close-early');
    await early.waitFor();
    expect(await early.innerText()).toMatch(
      new RegExp(
        `^!\\s*Warning\\s*${THIS_MONTH.label} has not ended\\. Closing it now freezes its report as at \\d{1,2} \\w+ ${THIS_MONTH.year}, and no update can be filed under it afterwards\\.$`,
      ),
    );
    expect(
      await page.evaluate((close) => {
        const warning = document.querySelector('[data-testid="close-early"]')!;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === close)!;
        return Boolean(warning.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING);
      }, `Yes, close ${THIS_MONTH.label}`),
    ).toBe(true);
    await expectAccessible(page, 'reports-close-preview-early');
    await page.getByRole('button', { name: 'Cancel', exact: true }).press('Enter');
    // Focus goes back to the button the confirmation was opened from, not to the top of the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(`See what closing ${THIS_MONTH.label} will freeze`);

    // Direction of travel now shows on the plan and the dashboard.
    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}`);
    expect(await page.getByTestId('plan-travel').innerText()).toMatch(
      new RegExp(
        `since ${MID_YEAR}: \\d+ improved, (\\d+ started, )?\\d+ no change, (\\d+ stopped, )?\\d+ worse`,
      ),
    );
    await page.goto(`${e.url}/councils/harrow`);
    const card = page.locator('section.app-plan-card').filter({ hasText: demo.planTitle });
    expect(await card.getByTestId('travel').innerText()).toContain(`Since ${MID_YEAR}:`);
  });

  it('lets only an admin reopen a closed period, with a reason the audit trail keeps', async () => {
    const editor = await tabs.open();
    await signIn(editor, e.url, EDITOR);
    await editor.goto(`${e.url}/councils/harrow/plans/${demo.planId}/reports?period=mid-year-2026-27`);
    await editor.getByTestId('period-state').waitFor();
    expect(await editor.getByRole('heading', { name: `Reopen ${MID_YEAR}` }).count()).toBe(0);

    const page = await tabs.open();
    await signIn(page, e.url, ADMIN);
    await page.goto(`${e.url}/councils/harrow/plans/${demo.planId}/reports?period=mid-year-2026-27`);
    await page.getByRole('heading', { name: `Reopen ${MID_YEAR}` }).waitFor();
    await page.getByRole('button', { name: `Reopen ${MID_YEAR}` }).click();
    await page
      .locator('.govuk-error-summary a[href="#reason"]')
      .getByText('Say why the period is reopened')
      .waitFor();
    await expectAccessible(page, 'reports-reopen-error');
    await page.fill('#reason', 'Leadership figures were corrected after closing');
    await page.getByRole('button', { name: `Reopen ${MID_YEAR}` }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(`${MID_YEAR} is open again`)
      .waitFor();
    await page.getByTestId('period-state').getByText('is not closed').waitFor();

    await page.goto(`${e.url}/councils/harrow/audit?item=${demo.planId}`);
    const entry = page.locator('.app-change').filter({ hasText: 'Reopened a closed reporting period' });
    expect(await entry.innerText()).toContain(
      `${MID_YEAR}. Reason: Leadership figures were corrected after closing`,
    );
    expect(await entry.innerText()).toContain('Admin (London Borough of Harrow)');
    await expectAccessible(page, 'audit-reopened');
  });

  it('downloads the committee pack from the dashboard: every active plan in one Word document', async () => {
    // Last month closed for the demo plan only, then for every active plan: the pack's list says which.
    const call = e.as(EDITOR);
    const d = new Date();
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
    const month = last.toISOString().slice(0, 7);
    const monthName = last.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    // Running as long as the demo plan does, so it reports on last month whenever the suite runs.
    await call('POST', '/api/v1/councils/harrow/plans', {
      title: 'Apprenticeship plan (a second active plan)',
      kind: 'people-strategy',
      period: demoPlanPeriod(),
      status: 'active',
    });
    await call('POST', `/api/v1/councils/harrow/plans/${demo.planId}/periods/${month}/close`, {});
    // Two milestones of an overdue action are overdue too: the plan's line says which are which.
    for (const [ref, days] of [
      ['B', 5],
      ['C', 9],
    ] as const)
      await call('POST', `/api/v1/councils/harrow/actions/${demo.actionIds[1]}/milestones`, {
        ref,
        title: `Milestone ${ref}, overdue`,
        due: {
          text: `${days} days ago`,
          kind: 'date',
          due: new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10),
          precision: 'day',
        },
      });

    const page = await tabs.open();
    await signIn(page, e.url, 'viewer@harrow.demo');
    await page.goto(`${e.url}/councils/harrow`);
    await page.getByRole('heading', { name: 'Committee pack' }).waitFor();
    const card = page.locator('section.app-plan-card').filter({ hasText: demo.planTitle });
    expect(await card.locator('p').first().innerText()).toContain(
      '3 actions · 1 overdue action · 2 overdue milestones ·',
    );
    const option = page.locator(`#pack-period option[value="${month}"]`);
    await expect.poll(() => option.innerText()).toBe(`${monthName} (closed for some plans)`);
    const dashboard = await call('GET', '/api/v1/councils/harrow/dashboard');
    // Every other plan that reports on the month closes it (a plan of 2004-08 has no such month).
    for (const p of dashboard.plans) {
      if (p.status !== 'active' || p.planId === demo.planId) continue;
      const plan = `/api/v1/councils/harrow/plans/${p.planId}`;
      const own = await call('GET', `${plan}/report-periods`);
      if (own.items.some((x: { key: string }) => x.key === month))
        await call('POST', `${plan}/periods/${month}/close`, {});
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Committee pack' }).waitFor();
    await expect.poll(() => option.innerText()).toBe(`${monthName} (closed)`);
    // As the reports page says it: the month in progress, and a period not closed, plainly.
    expect(await page.locator('#pack-period option').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/ \(in progress\)$/), 'Mid-year 2026-27']),
    );
    await page.selectOption('#pack-period', 'mid-year-2026-27');
    await expectAccessible(page, 'dashboard-committee-pack');
    const pack = await download(page, 'Download the committee pack (Word)');
    expect(pack.name).toMatch(/committee-pack-mid-year-2026-27\.docx$/);
    const xml = documentXml(pack.bytes);
    expect(xml).toContain('committee pack, Mid-year 2026-27');
    expect(xml).toContain(demo.planTitle);
    expect(xml).toContain('Plans in this pack');
    expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThan(3);
    await page.getByTestId('pack-status').getByText(`Downloaded ${pack.name}`).waitFor();
  });

  it('does not offer to correct an update filed under a closed period, and says why', async () => {
    const call = e.as(EDITOR);
    const base = '/api/v1/councils/harrow';
    const plan = await call('POST', `${base}/plans`, {
      title: 'Agile working action plan (closed period test)',
      kind: 'people-strategy',
      period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
      status: 'active',
      themes: [{ ref: '1', title: 'Ways of working' }],
    });
    const action = await call('POST', `${base}/plans/${plan.id}/actions`, {
      themeId: plan.themes[0].id,
      ref: '1.1',
      title: 'Agree a hybrid working policy',
      status: 'on-track',
    });
    await call('POST', `${base}/actions/${action.id}/updates`, {
      narrative: 'Policy drafted with the unions.',
      status: 'on-track',
      period: MID_YEAR,
    });
    await call('POST', `${base}/plans/${plan.id}/periods/mid-year:2026-27/close`, {});
    await call('POST', `${base}/actions/${action.id}/updates`, {
      narrative: 'Policy out for consultation.',
      status: 'on-track',
    });

    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/actions/${action.id}`);
    const history = page.getByRole('list', { name: 'Progress updates, newest first' });
    const filedUnderClosed = history
      .getByRole('listitem')
      .filter({ hasText: 'Policy drafted with the unions.' });
    await filedUnderClosed.getByText(`${MID_YEAR} is closed and its report is frozen`).waitFor();
    expect(await filedUnderClosed.getByRole('button', { name: /Correct this update/ }).count()).toBe(0);
    const open = history.getByRole('listitem').filter({ hasText: 'Policy out for consultation.' });
    expect(await open.getByRole('button', { name: /Correct this update/ }).count()).toBe(1);
    await expectAccessible(page, 'action-closed-period-update');
  });
});

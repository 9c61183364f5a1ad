/** Browser helpers shared by e2e test files: pages, axe with a screenshot, keyboard-only navigation. */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axe, describeViolations, RESULTS } from './stack.js';

/** A fresh browser context and page; page errors fail the test. Close the contexts with `closeAll`. */
export function pages(browser: () => Browser) {
  const contexts: BrowserContext[] = [];
  return {
    async open(width = 1280): Promise<Page> {
      const ctx = await browser().newContext({ viewport: { width, height: 900 } });
      contexts.push(ctx);
      const page = await ctx.newPage();
      // Shorter than the test's own timeout, so a failure names the step that waited.
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (err) => {
        throw err;
      });
      return page;
    },
    async closeAll() {
      await Promise.all(contexts.map((c) => c.close()));
    },
  };
}

/** A full-page screenshot in test-results/, then no axe violations (WCAG 2.2 AA and best practice). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `e2e-${name}.png`), fullPage: true });
  const violations = await axe(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Nothing but the scrollable table regions may be wider than the screen. */
export async function expectNoPageScroll(page: Page, width: number, name: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${name} is ${scrollWidth}px wide`).toBeLessThanOrEqual(width);
}

export interface Focus {
  id?: string;
  /** A link or button by its visible text. */
  text?: string;
  tag?: 'A' | 'BUTTON' | 'INPUT';
}

/**
 * Presses Tab (or Shift+Tab, `back`) until the focused element matches: proves it can be reached by
 * keyboard.
 */
export async function tabTo(
  page: Page,
  want: Focus,
  opts: { back?: boolean; max?: number } = {},
): Promise<void> {
  for (let i = 0; i < (opts.max ?? 250); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate((w) => {
      const el = document.activeElement;
      if (!el) return false;
      if (w.id) return el.id === w.id;
      if (w.tag && el.tagName !== w.tag) return false;
      return w.text !== undefined && (el.textContent ?? '').trim() === w.text;
    }, want);
    if (hit) return;
  }
  throw new Error(`not reachable by Tab: ${JSON.stringify(want)}`);
}

/** Every body row of a table has as many cells as the header has columns. */
export async function expectEveryColumnHeaded(page: Page, table: string): Promise<void> {
  const shape = await page.locator(table).evaluate((t) => ({
    headers: t.querySelectorAll('thead th').length,
    rows: [...t.querySelectorAll('tbody tr')].map((r) => r.children.length),
  }));
  expect(shape.rows.length).toBeGreaterThan(0);
  for (const cells of shape.rows) expect(cells).toBe(shape.headers);
}

/** Waits for the GOV.UK success banner that says `text` (what every saved form shows). */
export const successBanner = (page: Page, text: string | RegExp) =>
  page.locator('.govuk-notification-banner--success').getByText(text).waitFor();

/** The error summary's link to a field (GOV.UK error pattern). */
export const summaryLink = (page: Page, href: string) =>
  page.locator(`.govuk-error-summary a[href="#${href}"]`);

/** The text of whatever has focus (an opened form's heading or first field). */
export const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

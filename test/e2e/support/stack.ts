import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../scripts/local-stack.js';
import { type Call, createDemoPlan, type DemoPlan } from './demo-plan.js';

export const REPO = resolve(import.meta.dirname, '../../..');
export const WEB_DIST = join(REPO, 'web', 'dist');
export const RESULTS = join(REPO, 'test-results');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Builds the web app if nothing is built yet (`npm test` builds it first; a lone run may not have). */
export function ensureWebBuilt(): void {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(REPO, 'web'), stdio: 'inherit' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

export interface E2eStack {
  stack: LocalStack;
  url: string;
  /** Call the API as a demo user. */
  as(email: string): Call;
}

export async function startE2eStack(opts: { dynamoEndpoint?: string } = {}): Promise<E2eStack> {
  ensureWebBuilt();
  const stack = await startLocalStack({
    port: 0,
    ...(opts.dynamoEndpoint ? { dynamoEndpoint: opts.dynamoEndpoint } : {}),
    tableName: `e2e-${Math.random().toString(36).slice(2, 10)}`,
    webDist: WEB_DIST,
  });
  const tokens = new Map<string, string>();
  const as =
    (email: string): Call =>
    async (method, path, body) => {
      let token = tokens.get(email);
      if (!token) {
        const r = await fetch(`${stack.url}/dev/idp/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
        });
        token = ((await r.json()) as { access_token: string }).access_token;
        tokens.set(email, token);
      }
      const res = await fetch(`${stack.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };
  return { stack, url: stack.url, as };
}

export async function seedDemoPlan(e: E2eStack, council = 'harrow'): Promise<DemoPlan> {
  return createDemoPlan(e.as(`editor@${council}.demo`), council);
}

/** Signs in through the dev sign-in page, as a person would. */
export async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.locator(`button[data-email="${email}"]`).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core in the page, WCAG 2.x A and AA rules plus best practice; returns the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  const { source } = (await import('axe-core')).default as unknown as { source: string };
  await page.evaluate(source);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
    };
    const r = await w.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return r.violations as never;
  });
}

/** A readable account of axe violations for a failing assertion. */
export const describeViolations = (v: AxeViolation[]) =>
  v
    .map((x) => `${x.id} (${x.impact}): ${x.help}\n  ${x.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');

/** What every browser test file starts with: one local stack on the run's DynamoDB Local, and Chromium. */
export async function startStackAndBrowser(): Promise<[E2eStack, Browser]> {
  mkdirSync(RESULTS, { recursive: true });
  return Promise.all([startE2eStack({ dynamoEndpoint: inject('dynamoEndpoint') }), launchChromium()]);
}

/** And ends with: its pages closed, then Chromium and the stack stopped (either may not have started). */
export async function stopStackAndBrowser(
  e: E2eStack | undefined,
  browser: Browser | undefined,
  tabs?: { closeAll(): Promise<void> },
): Promise<void> {
  await tabs?.closeAll();
  await browser?.close();
  await e?.stack.stop();
}

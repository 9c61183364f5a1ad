import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, focusedText, pages, successBanner } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.demo';
const CONTRIBUTOR = 'contributor@harrow.demo';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

/** The contributor's plan: three actions they lead (late, due soon, later), one they do not. */
interface RoundPlan {
  planId: string;
  ids: Record<'late' | 'soon' | 'later' | 'other' | 'mine' | 'ours', string>;
}
let plan: RoundPlan;

async function seed(): Promise<RoundPlan> {
  const editor = e.as(EDITOR);
  const admin = e.as('admin@harrow.demo');
  const person = await editor('POST', `${H}/people`, { name: 'Pat Contributor', roleLabel: 'HR Adviser' });
  const members = await admin('GET', `${H}/members`);
  const me = members.items.find((m: { email: string }) => m.email === CONTRIBUTOR);
  await admin('PATCH', `${H}/members/${me.userSub}`, { version: me.version, personId: person.id });
  const p = await editor('POST', `${H}/plans`, {
    title: 'Recruitment and retention plan (round)',
    kind: 'business-plan',
    status: 'active',
    reportingPoints: [
      // Reported more than a quarter ago: its updates are no longer being gathered, so Q4 is the default.
      { label: 'Q3 2026-27', date: day(-100) },
      { label: 'Q4 2026-27', date: day(60) },
    ],
    themes: [
      { ref: '1', title: 'Recruitment' },
      { ref: '2', title: 'Retention' },
    ],
  });
  const leads = [{ role: 'responsible', label: 'HR Adviser', personId: person.id }];
  const add = async (ref: string, title: string, due: string, lead = true) =>
    // Refs 2.x are under Retention.
    (
      await editor('POST', `${H}/plans/${p.id}/actions`, {
        themeId: p.themes[ref.startsWith('2.') ? 1 : 0].id,
        ref,
        title,
        status: 'on-track',
        due: date(due),
        ...(lead ? { leads } : {}),
      })
    ).id as string;
  const ids = {
    late: await add('1', 'Refresh the job adverts', day(-21)),
    soon: await add('2', 'Run an assessment centre', day(10)),
    later: await add('3', 'Launch a graduate scheme', day(200)),
    other: await add('4', 'Review the pay policy', day(40), false),
    // Retention: a theme an editor takes through its round.
    mine: await add('2.1', 'Run stay interviews', day(30), false),
    ours: await add('2.2', 'Publish exit survey results', day(90), false),
  };
  await editor('POST', `${H}/actions/${ids.late}/updates`, {
    narrative: 'Adverts drafted with the service heads',
    status: 'on-track',
    period: 'Q3 2026-27',
  });
  return { planId: p.id, ids };
}

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
  plan = await seed();
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

const left = (page: Page) => page.locator('[data-round-left]').innerText();
const roundStep = (page: Page) => page.locator('#round-step').innerText();

/** The session ends while the person is typing: the stored token has run out. */
const expireSession = (page: Page) =>
  page.evaluate(() => {
    const t = JSON.parse(sessionStorage.getItem('peopleplan.token')!) as { expiresAt: number };
    sessionStorage.setItem('peopleplan.token', JSON.stringify({ ...t, expiresAt: Date.now() - 1 }));
  });

/** Signing in again from the "session ended" page goes back to the same address. */
async function signInAgain(page: Page, email: string, back: string) {
  await page.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('expired') === '1');
  await page.getByText('Your session has ended').waitFor();
  await expectAccessible(page, 'sign-in-expired');
  await page.locator(`button[data-email="${email}"]`).click();
  await page.waitForURL((u) => u.pathname === back);
}

describe('my actions and the update round', { timeout: 120_000 }, () => {
  it('lists what the contributor leads, late, due soon and later, each with its last update', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, CONTRIBUTOR);
    await page.getByRole('link', { name: 'My actions' }).first().click();
    await page.locator('[data-my-actions-ready]').waitFor();
    expect(await page.locator('[data-my-actions-ready]').innerText()).toBe(
      'You lead 3 open actions: 1 late, 1 due soon, 1 later.',
    );
    const group = (id: string) => page.locator(`section[aria-labelledby="group-${id}"]`);
    expect(await group('late').getByRole('heading').innerText()).toBe('Late (1)');
    const late = await group('late').locator('tbody tr').innerText();
    expect(late).toContain('Refresh the job adverts');
    expect(late).toContain('3 weeks late');
    expect(late).toContain('Adverts drafted with the service heads');
    expect(late).toContain('Q3 2026-27');
    expect(await group('due-soon').locator('tbody tr').innerText()).toContain('Run an assessment centre');
    const later = await group('later').locator('tbody tr').innerText();
    expect(later).toContain('Launch a graduate scheme');
    expect(later).toContain('None yet');
    expect(await page.locator('main').innerText()).not.toContain('Review the pay policy');
    await expectAccessible(page, 'my-actions');
  });

  it('takes the contributor through each open action, period chosen from the plan, and keeps the text when the session ends', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, CONTRIBUTOR);
    await page.goto(`${e.url}/councils/harrow/my-actions`);
    await page.getByRole('button', { name: 'Start the update round' }).click();
    await page.getByRole('heading', { level: 1, name: 'Update round: your actions' }).waitFor();
    expect(await left(page)).toBe('3 actions left to update, of 3.');
    expect(await focusedText(page)).toBe('1 Refresh the job adverts');
    // The period is a choice among the plan's reporting points, the one being gathered chosen; never typed.
    const period = page.locator('#round-period');
    expect(await period.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await period.locator('option').allInnerTexts()).toEqual([
      expect.stringMatching(/^Q3 2026-27 \(reported \d+ \w+ 20\d\d\)$/),
      expect.stringMatching(/^Q4 2026-27 \(reported \d+ \w+ 20\d\d\)$/),
    ]);
    expect(await period.inputValue()).toBe('Q4 2026-27');
    await expectAccessible(page, 'round-start');

    // Saved empty: refused, in the GOV.UK pattern.
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await page.locator('.govuk-error-summary a[href="#round-narrative"]').waitFor();
    await expectAccessible(page, 'round-error');
    await page.getByLabel('At risk').check();
    await page.fill('#round-narrative', 'Adverts live on the council site; agency adverts next week');
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await expect.poll(() => left(page)).toContain('2 actions left to update, of 3.');
    expect(await left(page)).toContain('Update for 1 Refresh the job adverts saved.');
    expect(await roundStep(page)).toBe('2 Run an assessment centre');

    // Skipped for now, then the third typed into when the session ends: nothing typed is lost.
    await page.getByRole('button', { name: 'Skip this action for now' }).click();
    expect(await roundStep(page)).toBe('3 Launch a graduate scheme');
    await page.fill('#round-narrative', 'Business case with the finance team');
    await expireSession(page);
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await signInAgain(page, CONTRIBUTOR, '/councils/harrow/my-actions/round');
    await page.locator('#round-step').waitFor();
    expect(await roundStep(page)).toBe('3 Launch a graduate scheme');
    expect(await page.inputValue('#round-narrative')).toBe('Business case with the finance team');
    await page.getByText('What you typed before has been kept').waitFor();
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await expect.poll(() => left(page)).toContain('1 action left to update, of 3.');
    await page.getByRole('heading', { name: 'Actions skipped' }).waitFor();
    await expectAccessible(page, 'round-skipped');

    // Back to the skipped one, filed under the earlier period this time.
    await page.getByRole('button', { name: 'Update now 2 Run an assessment centre' }).click();
    await page.selectOption('#round-period', 'Q3 2026-27');
    await page.fill('#round-narrative', 'Assessment centre booked for next month');
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await page.getByRole('heading', { name: 'Update round complete' }).waitFor();
    expect(await left(page)).toContain('All 3 actions updated.');
    await expectAccessible(page, 'round-complete');

    // What was saved shows on "my actions", each under the period chosen.
    await page.getByRole('link', { name: 'Back to my actions' }).click();
    await page.locator('[data-my-actions-ready]').waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Adverts live on the council site');
    expect(main).toContain('Business case with the finance team');
    expect(main).toMatch(/Assessment centre booked for next month\n.*Q3 2026-27/);
    expect(main).not.toContain('at-risk');
  });

  it('corrects an earlier update: both stay in the history, marked', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, CONTRIBUTOR);
    await page.goto(`${e.url}/councils/harrow/actions/${plan.ids.later}`);
    // On the action's own page too, the period is chosen from the plan's, never typed.
    expect(await page.locator('#update-period').evaluate((el) => el.tagName)).toBe('SELECT');
    await page.locator('#update-narrative').fill('Graduate scheme approved by the cabinet');
    await page.getByRole('button', { name: 'Add update' }).click();
    await successBanner(page, 'Progress update added');
    const history = page.locator('ol.app-history');
    await history.getByText('Graduate scheme approved by the cabinet').waitFor();
    await history
      .getByRole('button', { name: /^Correct this update of / })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Correct an update' }).waitFor();
    expect(await focusedText(page)).toBe('Correct an update');
    expect(await page.locator('#correction-narrative').inputValue()).toBe(
      'Graduate scheme approved by the cabinet',
    );
    await page.fill('#correction-narrative', 'Graduate scheme approved by the leader, not yet the cabinet');
    await page.getByLabel('At risk').check();
    await expectAccessible(page, 'correction-form');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await successBanner(page, 'Correction added');
    await history.getByText('Graduate scheme approved by the leader, not yet the cabinet').waitFor();
    const items = history.locator('> li');
    // Newest first: the correction, then the update it corrects; both kept, each marked.
    const [correction, corrected] = [await items.nth(0).innerText(), await items.nth(1).innerText()];
    expect(correction).toContain('Correction');
    expect(correction).toMatch(/Corrects the update of /);
    expect(correction).toContain('At risk');
    expect(corrected).toContain('Corrected');
    expect(corrected).toContain('Graduate scheme approved by the cabinet');
    expect(corrected).toContain('see the correction');
    // A corrected update is not corrected twice.
    expect(
      await items
        .nth(1)
        .getByRole('button', { name: /^Correct this update/ })
        .count(),
    ).toBe(0);
    await expectAccessible(page, 'correction-history');
  });

  it('lets the contributor mark a milestone of an action they lead as done, on the day it was done', async () => {
    const ms = await e.as(EDITOR)('POST', `${H}/actions/${plan.ids.later}/milestones`, {
      ref: 'A',
      title: 'Shortlist the graduate scheme providers',
      due: date(day(-5)),
    });
    const page = await tabs.open();
    await signIn(page, e.url, CONTRIBUTOR);
    await page.goto(`${e.url}/councils/harrow/actions/${plan.ids.later}`);
    const row = page.locator(`#milestone-${ms.id}`);
    expect(await page.getByRole('button', { name: /^Change\s+milestone/ }).count()).toBe(0);
    await row.getByRole('button', { name: /^Mark as done\s+milestone A/ }).click();
    expect(await focusedText(page)).toBe('Mark milestone A Shortlist the graduate scheme providers as done');
    await page.fill('#ms-done-day', '1');
    await page.fill('#ms-done-month', '1');
    await page.fill('#ms-done-year', '2099');
    await page.getByRole('button', { name: 'Mark as done', exact: true }).click();
    await page
      .locator('.govuk-error-summary a[href="#ms-done-day"]')
      .getByText('cannot be in the future')
      .waitFor();
    await expectAccessible(page, 'milestone-done-error');
    // A day the API refuses (before the plan began) is shown as the form's own checks are: beside the
    // date, linked from the summary, the boxes marked invalid, the date in words.
    await page.fill('#ms-done-year', '2003');
    await page.getByRole('button', { name: 'Mark as done', exact: true }).click();
    const refused = page.locator('.govuk-error-summary a[href="#ms-done-day"]');
    await refused.getByText('cannot be completed before its plan began').waitFor();
    const words = /^A milestone cannot be completed before its plan began \(\d{1,2} [A-Z][a-z]+ \d{4}\)$/;
    expect(await refused.innerText()).toMatch(words);
    expect(await page.locator('.govuk-error-summary li').count()).toBe(1);
    expect((await page.locator('#ms-done-error').innerText()).replace(/^Error:\s*/, '')).toMatch(words);
    for (const part of ['day', 'month', 'year'])
      expect(await page.locator(`#ms-done-${part}`).getAttribute('aria-invalid')).toBe('true');
    await refused.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ms-done-day');
    await expectAccessible(page, 'milestone-done-refused');
    const [y, m, d] = day(-2).split('-');
    await page.fill('#ms-done-day', String(Number(d)));
    await page.fill('#ms-done-month', String(Number(m)));
    await page.fill('#ms-done-year', y!);
    await page.getByRole('button', { name: 'Mark as done', exact: true }).click();
    await successBanner(page, 'Milestone A marked as done');
    await row.getByText('Completed').waitFor();
    expect(await row.getByRole('button', { name: /^Mark as done/ }).count()).toBe(0);
    const saved = await e.as(EDITOR)('GET', `${H}/actions/${plan.ids.later}/milestones`);
    expect(saved.items[0]).toMatchObject({ status: 'completed', completedOn: day(-2) });
  });

  it('shows no control a contributor or viewer may not use', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, CONTRIBUTOR);
    // An action the contributor does not lead: read, never offered an update form to be refused from.
    await page.goto(`${e.url}/councils/harrow/actions/${plan.ids.other}`);
    await page.getByRole('heading', { level: 1, name: 'Review the pay policy' }).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await noControls(page, ['Add update', 'Edit this action', 'Cancel this action', 'Add a milestone']);
    expect(await page.locator('#update-narrative').count()).toBe(0);
    await expectAccessible(page, 'action-contributor-not-lead');
    await page.goto(`${e.url}/councils/harrow/plans/${plan.planId}`);
    await page.getByRole('heading', { level: 1, name: 'Recruitment and retention plan (round)' }).waitFor();
    await page.locator('section.app-theme').first().waitFor();
    await noControls(page, PLAN_CONTROLS);
    expect(await page.getByRole('link', { name: /^Update round for this/ }).count()).toBe(0);
    // A contributor reports on what they lead: "My actions" is in the menu (hidden or not on a phone).
    const menuLink = (p: Page, text: string) => p.locator('#navigation a', { hasText: text });
    expect(await menuLink(page, 'My actions').count()).toBe(1);
    // Labels the import could not match are for an editor to check, and the page says so to one.
    await page.goto(`${e.url}/councils/harrow/people`);
    await page.locator('table').first().waitFor();
    const check = (p: Page) => p.getByText('Check them and add an email address').count();
    expect(await check(page)).toBe(0);
    const editor = await tabs.open();
    await signIn(editor, e.url, EDITOR);
    await editor.goto(`${e.url}/councils/harrow/people`);
    await editor.locator('table').first().waitFor();
    expect(await check(editor)).toBe(1);

    const viewer = await tabs.open();
    await signIn(viewer, e.url, 'viewer@harrow.demo');
    // A viewer (a councillor) reports on nothing: no "My actions" in the menu, no checking to do.
    await menuLink(viewer, 'People').waitFor({ state: 'attached' });
    expect(await menuLink(viewer, 'My actions').count()).toBe(0);
    await viewer.goto(`${e.url}/councils/harrow/people`);
    await viewer.locator('table').first().waitFor();
    expect(await check(viewer)).toBe(0);
    await expectAccessible(viewer, 'people-viewer');
    await viewer.goto(`${e.url}/councils/harrow/actions/${plan.ids.late}`);
    await viewer.getByRole('heading', { name: 'History' }).waitFor();
    await viewer.locator('ol.app-history').waitFor();
    await noControls(viewer, ['Add update', 'Edit this action', 'Add a milestone']);
    expect(await viewer.getByRole('button', { name: /^Correct this update/ }).count()).toBe(0);
    await viewer.goto(`${e.url}/councils/harrow/plans/${plan.planId}`);
    await viewer.locator('section.app-theme').first().waitFor();
    await noControls(viewer, PLAN_CONTROLS);
    await expectAccessible(viewer, 'plan-viewer');
    // A councillor in no directory entry is told plainly that they lead nothing, so get no alerts, and
    // "Your alerts" says the same without a failed request.
    const failed: string[] = [];
    viewer.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await viewer.goto(`${e.url}/councils/harrow/my-actions`);
    const plainly =
      /^You do not lead any actions (or milestones )?in London Borough of Harrow’s plans, .*no alert emails\.$/;
    expect(await viewer.locator('[data-not-linked]').innerText()).toMatch(plainly);
    expect(await viewer.getByRole('button', { name: 'Start the update round' }).count()).toBe(0);
    await expectAccessible(viewer, 'my-actions-unlinked');
    await menuLink(viewer, 'Your alerts').click();
    await viewer.getByRole('heading', { level: 1, name: 'Your email alerts' }).waitFor();
    expect(await viewer.locator('[data-not-linked]').innerText()).toMatch(plainly);
    await viewer.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    await expectAccessible(viewer, 'alerts-unlinked');
  });

  it('runs an editor’s round for a whole theme, and keeps a plan’s details typed when the session ends', async () => {
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${plan.planId}`);
    await page.getByRole('link', { name: 'Update round for this priority (Retention)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Update round: Priority 2: Retention' }).waitFor();
    expect(await left(page)).toBe('2 actions left to update, of 2.');
    expect(await roundStep(page)).toBe('2.1 Run stay interviews');
    await expectAccessible(page, 'theme-round');
    await page.fill('#round-narrative', 'Stay interviews held in two directorates');
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await expect.poll(() => left(page)).toContain('1 action left to update, of 2.');
    await page.fill('#round-narrative', 'Results drafted for the staff forum');
    await page.getByRole('button', { name: 'Save and go to the next action' }).click();
    await page.getByRole('heading', { name: 'Update round complete' }).waitFor();
    await expectAccessible(page, 'theme-round-complete');

    // The plan's details: typed, the session ends on saving, signed in again: the form and the text.
    await page.getByRole('link', { name: 'Back to the plan' }).click();
    await page.getByRole('button', { name: 'Change the plan’s details' }).click();
    expect(await focusedText(page)).toBe('Change the plan’s details');
    await page.fill('#directorate', 'Resources');
    await page.fill('#title', 'Recruitment and retention plan 2026-27');
    await expireSession(page);
    await page.getByRole('button', { name: 'Save the plan’s details' }).click();
    await signInAgain(page, EDITOR, `/councils/harrow/plans/${plan.planId}`);
    await page.getByText('What you typed before has been kept').waitFor();
    expect(await page.inputValue('#title')).toBe('Recruitment and retention plan 2026-27');
    expect(await page.inputValue('#directorate')).toBe('Resources');
    await page.getByRole('button', { name: 'Save the plan’s details' }).click();
    await successBanner(page, 'Plan details saved');
    await page.getByRole('heading', { level: 1, name: 'Recruitment and retention plan 2026-27' }).waitFor();
    await expect
      .poll(() => page.locator('main .govuk-summary-list').first().innerText())
      .toContain('Resources');
    // Signing out forgets drafts: the next person at a shared computer finds nothing.
    await page.getByRole('button', { name: 'Change the plan’s details' }).click();
    await page.fill('#division', 'Human resources');
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${plan.planId}`);
    await page.getByRole('button', { name: 'Change the plan’s details' }).waitFor();
    expect(await page.locator('#division').count()).toBe(0);
  });

  it('counts as up to date an action whose update for the period has a late one for the period before after it', async () => {
    // Both were updated for Q4 (the default) in the round above; a late Q3 update now follows one of them.
    const late = { narrative: 'Late Q3 return', status: 'on-track', period: 'Q3 2026-27' };
    await e.as(EDITOR)('POST', `${H}/actions/${plan.ids.mine}/updates`, late);
    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${plan.planId}`);
    await page.getByRole('link', { name: 'Update round for this priority (Retention)' }).click();
    await expect.poll(() => left(page)).toBe('All 2 actions are already up to date.');
  });
});

describe('an update round in the plan’s own words', { timeout: 120_000 }, () => {
  it('calls a theme what the plan calls its groups, never “theme”', async () => {
    const editor = e.as(EDITOR);
    const admin = e.as('admin@harrow.demo');
    const objectives = async (title: string, themeNoun: string) =>
      editor('POST', `${H}/plans`, {
        title,
        kind: 'business-plan',
        themeNoun,
        status: 'active',
        themes: [
          { ref: '1', title: 'Healthy workplaces' },
          { ref: '2', title: 'Fair pay' },
        ],
      });
    const p = await objectives('Workforce plan 2026-27 (own words)', 'Objective');
    const [healthy, pay] = p.themes;
    await editor('POST', `${H}/plans/${p.id}/actions`, {
      themeId: healthy.id,
      ref: '1.1',
      title: 'Run wellbeing check-ins',
      status: 'on-track',
    });
    // Fair pay's only action is done: its round has nothing open.
    await editor('POST', `${H}/plans/${p.id}/actions`, {
      themeId: pay.id,
      ref: '2.1',
      title: 'Publish the pay gap report',
      status: 'completed',
    });
    const archived = await objectives('Workforce plan 2025-26 (own words, archived)', 'Outcome');
    await admin('DELETE', `${H}/plans/${archived.id}?version=${archived.version}`);
    const round = (planId: string, themeId: string) =>
      `${e.url}/councils/harrow/plans/${planId}/themes/${themeId}/round`;
    const main = (page: Page) => page.locator('main').innerText();

    const page = await tabs.open();
    await signIn(page, e.url, EDITOR);
    await page.goto(`${e.url}/councils/harrow/plans/${p.id}`);
    await page.getByRole('link', { name: 'Update round for this objective (Healthy workplaces)' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Update round: Objective 1: Healthy workplaces' })
      .waitFor();
    expect(await roundStep(page)).toBe('1.1 Run wellbeing check-ins');
    expect(await main(page)).not.toMatch(/\btheme/i);
    expect(await page.title()).toBe(
      'Update round: Objective 1: Healthy workplaces – London Borough of Harrow – PeoplePlan',
    );
    await expectAccessible(page, 'theme-round-own-word');

    await page.goto(round(p.id, pay.id));
    await page.getByText('This objective has no open actions.').waitFor();
    expect(await main(page)).not.toMatch(/\btheme/i);
    await page.goto(round(p.id, 'no-such-group'));
    await page.getByText('This objective is not part of the plan.').waitFor();
    expect(await main(page)).not.toMatch(/\btheme/i);
    await page.goto(round(archived.id, archived.themes[0].id));
    await page.getByText('This outcome is part of an archived plan, so it is read-only').waitFor();
    expect(await main(page)).not.toMatch(/\btheme/i);
    await expectAccessible(page, 'theme-round-archived-own-word');

    const viewer = await tabs.open();
    await signIn(viewer, e.url, 'viewer@harrow.demo');
    await viewer.goto(round(p.id, healthy.id));
    await viewer.getByText('Only editors run the update round for a whole objective.').waitFor();
    expect(await main(viewer)).not.toMatch(/\btheme/i);
    await expectAccessible(viewer, 'theme-round-viewer-own-word');
  });
});

/** Every control that changes a plan, none of which a contributor or viewer may use. */
const PLAN_CONTROLS = [
  'Change the plan’s details',
  'Make this plan active',
  'Close this plan',
  'Archive this plan',
  /^Add a (priority|heading|theme)/,
  /^Add an action/,
  /^Rename/,
  /^Move (up|down)/,
  /^Add a (performance indicator|risk|key decision|business continuity function)/,
  /^Change (performance indicator|risk|key decision|business continuity function)/,
];

async function noControls(page: Page, names: Array<string | RegExp>) {
  for (const name of names) {
    expect(await page.getByRole('button', { name }).count(), `no button ${String(name)}`).toBe(0);
  }
}

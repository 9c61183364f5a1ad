import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocClient } from '@peopleplan/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoPageScroll, pages, summaryLink, tabTo } from './support/browser.js';
import { type E2eStack, signIn, startStackAndBrowser, stopStackAndBrowser } from './support/stack.js';

let e: E2eStack;
let browser: Browser;
const tabs = pages(() => browser);
const OPERATOR = 'operator@peopleplan.demo';

beforeAll(async () => {
  [e, browser] = await startStackAndBrowser();
}, 180_000);

afterAll(() => stopStackAndBrowser(e, browser, tabs));

const h1 = (page: Page) => page.locator('h1').innerText();
const banner = (page: Page, text: string) =>
  page.locator('.govuk-notification-banner--success').getByText(text).waitFor();
const serviceNav = (page: Page) => page.locator('.govuk-service-navigation');
const memberRow = (page: Page, name: string) =>
  page.locator('[data-testid="members"] [data-member]').filter({ hasText: name });
/** "Invite someone" (the page also has "Invite several people", with the same role names). */
const inviteForm = (page: Page) => page.locator('form[aria-labelledby="invite"]');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

/** A council made through the operator's API, with its first admin (tests that start past that step). */
async function councilWithAdmin(id: string, name: string, adminEmail: string, adminName: string) {
  await e.as(OPERATOR)('POST', '/api/v1/councils', { id, name, adminEmail, adminName });
}

describe('onboarding pages', { timeout: 240_000 }, () => {
  it('takes a council from the operator to its first admin, an invited editor, a role change and a leaver', async () => {
    const op = await tabs.open();
    await signIn(op, e.url, OPERATOR);
    // An operator in no council starts on the operator's page.
    await op.waitForURL(/\/operator$/);
    await op.locator('tr[data-council="harrow"]').waitFor();
    expect(await h1(op)).toBe('Councils using PeoplePlan');
    expect(await serviceNav(op).getByRole('link', { name: 'Service operator' }).count()).toBe(1);
    expect(await op.locator('main').innerText()).toContain('You never see a council’s plans');
    // Status in words, with the counts.
    const harrow = await op.locator('tr[data-council="harrow"]').innerText();
    expect(harrow).toContain('London Borough of Harrow');
    expect(harrow).toContain('Active');
    await expectAccessible(op, 'operator');

    // Nothing filled in: every missing field named, each linked to its input.
    await op.getByRole('button', { name: 'Add council' }).click();
    await summaryLink(op, 'council-name').waitFor();
    expect(await summaryLink(op, 'council-id').innerText()).toBe('Enter an id for the council');
    expect(await summaryLink(op, 'admin-email').count()).toBe(1);
    await expectAccessible(op, 'operator-add-errors');

    // An id in use is refused by the API and named on the id field.
    await op.fill('#council-name', 'Testshire County Council');
    await op.fill('#council-id', 'harrow');
    await op.fill('#admin-email', 'alex.admin@testshire.gov.uk');
    await op.fill('#admin-name', 'Alex Admin');
    await op.getByRole('button', { name: 'Add council' }).click();
    await summaryLink(op, 'council-id').filter({ hasText: 'already exists' }).waitFor();
    expect(await op.locator('#council-id-error').innerText()).toContain(
      'A council with the id "harrow" already exists',
    );
    await expectAccessible(op, 'operator-add-conflict');

    await op.fill('#council-id', 'testshire');
    await op.selectOption('#council-fy', '4');
    await op.getByRole('button', { name: 'Add council' }).click();
    await banner(op, 'Testshire County Council has been added');
    const testshire = op.locator('tr[data-council="testshire"]');
    await testshire.waitFor();
    expect(await testshire.locator('td').allInnerTexts()).toEqual(
      expect.arrayContaining(['Active', '1', '0']),
    );
    await expectAccessible(op, 'operator-added');

    await suspendAndReactivate(op);
    await addPartnership(op);

    // The new admin is on the dev sign-in page, and lands on their council.
    const admin = await tabs.open();
    await admin.goto(`${e.url}/sign-in`);
    await admin.locator('button[data-email="alex.admin@testshire.gov.uk"]').waitFor();
    await expectAccessible(admin, 'sign-in-invited');
    expect(await admin.locator('button[data-email="alex.admin@testshire.gov.uk"]').innerText()).toContain(
      'Alex Admin, admin',
    );
    await admin.locator('button[data-email="alex.admin@testshire.gov.uk"]').click();
    await admin.waitForURL(/\/councils\/testshire$/);
    await serviceNav(admin).getByRole('link', { name: 'Members' }).click();
    await admin.waitForURL(/\/councils\/testshire\/members$/);
    await memberRow(admin, 'Alex Admin').waitFor();
    expect(await memberRow(admin, 'Alex Admin').innerText()).toContain('Administrator');
    await expectAccessible(admin, 'members');

    await inviteErrors(admin);
    await admin.fill('#invite-email', 'eve.editor@testshire.gov.uk');
    await admin.fill('#invite-name', 'Eve Editor');
    await inviteForm(admin).getByLabel('Editor', { exact: true }).check();
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await banner(admin, 'Eve Editor has been invited as editor');
    await memberRow(admin, 'Eve Editor').waitFor();
    await expectAccessible(admin, 'members-invited');

    // The editor signs in and sees the council, without the admin's pages.
    const editor = await tabs.open();
    await signIn(editor, e.url, 'eve.editor@testshire.gov.uk');
    await editor.waitForURL(/\/councils\/testshire$/);
    expect(await editor.locator('.app-header__user').innerText()).toContain('Eve Editor · Editor');
    expect(await serviceNav(editor).innerText()).toContain('Testshire County Council');
    expect(await serviceNav(editor).getByRole('link', { name: 'Members' }).count()).toBe(0);
    await editor.goto(`${e.url}/councils/testshire/members`);
    await editor.getByText('Only the council’s PeoplePlan administrators can manage its members.').waitFor();

    await makeEveAViewer(admin, editor);
    await ownRoleRefused(admin);
    await alertsPointToMembers(admin);

    // The leaver: a confirmation step saying their access ends at once, then gone.
    await admin.getByRole('button', { name: 'Remove Eve Editor' }).click();
    const confirm = admin.getByRole('heading', {
      name: 'Are you sure you want to remove Eve Editor from Testshire County Council?',
    });
    await confirm.waitFor();
    expect(await admin.locator('.govuk-warning-text').innerText()).toContain('Their access ends at once');
    await expectAccessible(admin, 'members-remove-confirm');
    await admin.getByRole('button', { name: 'Yes, remove Eve Editor' }).click();
    await banner(admin, 'Eve Editor has been removed from Testshire County Council');
    await memberRow(admin, 'Eve Editor').waitFor({ state: 'detached' });
    await expectAccessible(admin, 'members-removed');

    // Still signed in with the same token, she is refused on her next page load.
    await editor.reload();
    await editor.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    const token = await editor.evaluate(() => sessionStorage.getItem('peopleplan.token'));
    const res = await fetch(`${e.url}/api/v1/councils/testshire/plans`, {
      headers: { authorization: `Bearer ${JSON.parse(token!).accessToken}` },
    });
    expect([403, 404]).toContain(res.status);
  });

  it('invites a colleague, and removes them, by keyboard alone', async () => {
    await councilWithAdmin('keyboardshire', 'Keyboardshire Council', 'kim@keyboardshire.gov.uk', 'Kim Key');
    const page = await tabs.open();
    await page.goto(`${e.url}/sign-in`);
    await page.locator('button[data-email]').first().waitFor();
    await tabTo(page, { text: 'Sign in as Kim Key, adminkim@keyboardshire.gov.uk', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/councils\/keyboardshire$/);
    await tabTo(page, { text: 'Members', tag: 'A' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/members$/);
    await memberRow(page, 'Kim Key').waitFor();

    await tabTo(page, { id: 'invite-email' });
    await page.keyboard.type('lee@keyboardshire.gov.uk');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('invite-name');
    await page.keyboard.type('Lee Leads');
    // Into the role radios (none chosen: the first takes focus); one down is Editor, two is Contributor.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('invite-role');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, { text: 'Send invitation', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await banner(page, 'Lee Leads has been invited as contributor');
    // The invitation added Lee to the people directory, and the row links there.
    await memberRow(page, 'Lee Leads').getByRole('link', { name: 'Lee Leads' }).waitFor();
    // The success banner takes focus.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('notification-banner');
    await memberRow(page, 'Lee Leads').getByText('Contributor').waitFor();

    // Remove, cancel (focus returns to the button), then remove for real.
    await tabTo(page, { text: 'Remove Lee Leads', tag: 'BUTTON' });
    const removeId = await focusedId(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    await tabTo(page, { text: 'Cancel', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.id === id, removeId);
    await page.keyboard.press('Enter');
    await tabTo(page, { text: 'Yes, remove Lee Leads', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await banner(page, 'Lee Leads has been removed from Keyboardshire Council');
  });

  it('invites a team pasted from a spreadsheet, by keyboard alone, saying what happened to each row', async () => {
    await councilWithAdmin('teamshire', 'Teamshire Council', 'tia@teamshire.gov.uk', 'Tia Team');
    // A lead the plan's import added to the directory, with no email yet: the invitation links them.
    const sam = await e.as('tia@teamshire.gov.uk')('POST', '/api/v1/councils/teamshire/people', {
      name: 'Sam Smith',
    });
    const page = await tabs.open();
    await signIn(page, e.url, 'tia@teamshire.gov.uk');
    await page.goto(`${e.url}/councils/teamshire/members`);
    await memberRow(page, 'Tia Team').waitFor();

    await tabTo(page, { id: 'invite-list' });
    const list = [
      'Name\tEmail\tJob title\tRole',
      'Jo Bloggs\tjo.bloggs@teamshire.gov.uk\tHead of HR\tEditor',
      'Sam Smith\tsam.smith@teamshire.gov.uk\tOD Lead\t',
      'Tia Team\ttia@teamshire.gov.uk\tDirector\tAdministrator',
      'Pat Jones\tpat..jones@teamshire.gov.uk\tCouncillor\tViewer',
      'Lee Lane\t\tAdviser\tContributor',
    ].join('\n');
    await page.keyboard.insertText(list);
    // Past the file chooser to the role for rows that say none: the radios' first takes focus, two
    // down is Contributor.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('invite-list-file');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('invite-list-role');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, { text: 'Check the list', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H3');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      '3 people ready to invite; 2 rows will be left out',
    );
    const rows = page.locator('[data-testid="invite-rows"] tbody tr');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/Jo Bloggs\s+jo.bloggs@teamshire.gov.uk\s+Editor\s+Ready/),
      expect.stringMatching(/Sam Smith\s+sam.smith@teamshire.gov.uk\s+Contributor \(chosen\)\s+Ready/),
      expect.stringMatching(/Already a member \(administrator\)/),
      expect.stringMatching(/Pat Jones\s+pat..jones@teamshire.gov.uk\s+Viewer\s+Ready/),
      expect.stringMatching(/Lee Lane[\s\S]*No email address in this row/),
    ]);
    await expectAccessible(page, 'members-bulk-check');

    await tabTo(page, { text: 'Invite 3 people', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    // The API refuses an address the quick check let through: that row says so, the others are in.
    await page.waitForFunction(
      () => document.activeElement?.textContent === '2 people invited; 3 rows not invited',
    );
    expect(await rows.nth(3).innerText()).toMatch(/Not invited.*email/i);
    await memberRow(page, 'Jo Bloggs').getByText('Editor').waitFor();
    // Each is linked to their person in the plans: Jo newly added to the directory, Sam found in it.
    await memberRow(page, 'Jo Bloggs').getByRole('link', { name: 'Jo Bloggs' }).waitFor();
    await memberRow(page, 'Sam Smith').getByRole('link', { name: 'Sam Smith' }).waitFor();
    await memberRow(page, 'Sam Smith').getByText('Contributor').waitFor();
    await expectAccessible(page, 'members-bulk-sent');
    const members = await e.as('tia@teamshire.gov.uk')('GET', '/api/v1/councils/teamshire/members');
    const bySam = members.items.find((m: { email: string }) => m.email === 'sam.smith@teamshire.gov.uk');
    expect(bySam.personId).toBe(sam.id);
    expect(members.items).toHaveLength(3);

    // Again, from a CSV file: its rows go into the box to check first; those now members are left out.
    await tabTo(page, { text: 'Invite more people', tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    // Back to the list, focus on it.
    await page.waitForFunction(() => document.activeElement?.id === 'invite-list');
    await page.setInputFiles('#invite-list-file', {
      name: 'team.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '\uFEFFName,Email,Role\nJo Bloggs,jo.bloggs@teamshire.gov.uk,Editor\nKim Kay,kim@teamshire.gov.uk,Viewer\n',
      ),
    });
    await page.waitForFunction(() =>
      (document.getElementById('invite-list') as HTMLTextAreaElement).value.startsWith('Name,Email,Role'),
    );
    // The rows went into the box above, out of sight of the file input: a status message says so (4.1.3).
    const fileStatus = page.locator('#invite-list-file ~ [role="status"]');
    await expect
      .poll(() => fileStatus.innerText())
      .toBe(
        '3 lines of team.csv are now in “Who to invite” above: check them there, then choose “Check the list”.',
      );
    await page.getByRole('button', { name: 'Check the list' }).click();
    await page.waitForFunction(
      () => document.activeElement?.textContent === '1 person ready to invite; 1 row will be left out',
    );
  });

  it('shows members as cards at 375px, flags an undeliverable address, and unlinks a person', async () => {
    await councilWithAdmin('narrowshire', 'Narrowshire Council', 'nia@narrowshire.gov.uk', 'Nia Narrow');
    const api = e.as('nia@narrowshire.gov.uk');
    const person = await api('POST', '/api/v1/councils/narrowshire/people', { name: 'Omar Officer' });
    const omar = await api('POST', '/api/v1/councils/narrowshire/members', {
      email: 'omar.officer.with.a.long.address@narrowshire.gov.uk',
      role: 'contributor',
      personId: person.id,
    });
    // Mail to Omar bounced (recorded on his member record, as the bounce handler records it).
    await createDocClient({ endpoint: e.stack.dynamoEndpoint }).send(
      new UpdateCommand({
        TableName: e.stack.tableName,
        Key: { PK: 'C#narrowshire', SK: `MEMBER#${omar.userSub}` },
        UpdateExpression: 'SET undeliverable = :u',
        ExpressionAttributeValues: { ':u': { at: '2026-05-01T09:00:00Z', reason: 'Mailbox does not exist' } },
      }),
    );

    const page = await tabs.open(375);
    await signIn(page, e.url, 'nia@narrowshire.gov.uk');
    await page.goto(`${e.url}/councils/narrowshire/members`);
    const card = page.locator('li[data-member]').filter({ hasText: 'omar.officer' });
    await card.waitFor();
    expect(await page.locator('table[data-testid="members"]').count()).toBe(0);
    const text = await card.innerText();
    expect(text).toContain('Contributor');
    expect(text).toContain('Omar Officer');
    expect(text).toContain('Email not delivered');
    expect(text).toContain('Mailbox does not exist');
    expect(await page.locator('main .govuk-inset-text').innerText()).toContain('is not being delivered');
    await expectNoPageScroll(page, 375, 'members at 375px');
    await expectAccessible(page, 'members-375');

    await card.getByRole('button', { name: /^Change/ }).click();
    await page.selectOption('#member-person', '');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await banner(page, 'They are no longer linked to a person in the plans.');
    await page
      .locator('li[data-member]')
      .filter({ hasText: 'omar.officer' })
      .getByText('Not linked')
      .waitFor();
    await expectNoPageScroll(page, 375, 'members at 375px, changed');
    await expectAccessible(page, 'members-375-changed');

    // The operator's page at 375px: the directory scrolls inside its own region.
    const op = await tabs.open(375);
    await signIn(op, e.url, OPERATOR);
    await op.locator('tr[data-council="narrowshire"]').waitFor();
    await expectNoPageScroll(op, 375, 'operator at 375px');
    await expectAccessible(op, 'operator-375');
  });
});

const h2Focused = (page: Page) =>
  page.evaluate(() => (document.activeElement?.tagName === 'H2' ? document.activeElement.textContent : ''));

/** The admin makes Eve a viewer and links her to her directory entry; she sees both on her next page. */
async function makeEveAViewer(admin: Page, editor: Page) {
  await e.as('alex.admin@testshire.gov.uk')('POST', '/api/v1/councils/testshire/people', {
    name: 'Eve Editor',
    jobTitle: 'HR business partner',
  });
  await admin.reload();
  await admin.getByRole('button', { name: 'Change Eve Editor’s role or linked person' }).click();
  await admin.getByRole('heading', { name: 'Change Eve Editor' }).waitFor();
  expect(await h2Focused(admin)).toBe('Change Eve Editor');
  await admin.getByLabel('Viewer', { exact: true }).check();
  await admin.selectOption('#member-person', { label: 'Eve Editor' });
  await expectAccessible(admin, 'members-change');
  await admin.getByRole('button', { name: 'Save changes' }).click();
  await banner(admin, 'Eve Editor’s details have been changed');
  const eve = await memberRow(admin, 'Eve Editor').innerText();
  expect(eve).toContain('Viewer');
  expect(await memberRow(admin, 'Eve Editor').getByRole('link', { name: 'Eve Editor' }).count()).toBe(1);
  await editor.reload();
  await editor.locator('.app-header__user').getByText('Viewer').waitFor();
  // Linked, her own alert preferences open.
  await serviceNav(editor).getByRole('link', { name: 'Your alerts' }).click();
  await editor.getByRole('group', { name: 'How often do you want alert emails?' }).waitFor();
}

/** Kent suspended (after a confirmation step; cancel returns focus) and its admin refused, then back. */
async function suspendAndReactivate(op: Page) {
  await op.getByRole('button', { name: 'Suspend Kent County Council' }).click();
  await op.getByRole('heading', { name: 'Are you sure you want to suspend Kent County Council?' }).waitFor();
  expect(await h2Focused(op)).toContain('suspend Kent County Council');
  await expectAccessible(op, 'operator-suspend-confirm');
  await op.getByRole('button', { name: 'Cancel' }).click();
  await op.waitForFunction(() => document.activeElement?.id === 'status-kent');

  await op.getByRole('button', { name: 'Suspend Kent County Council' }).click();
  await op.getByRole('button', { name: 'Yes, suspend Kent County Council' }).click();
  await banner(op, 'Kent County Council is suspended');
  await op.locator('tr[data-council="kent"]').getByText('Suspended').waitFor();
  await expectAccessible(op, 'operator-suspended');
  await expect(e.as('admin@kent.demo')('GET', '/api/v1/councils/kent/settings')).rejects.toThrow(/404/);

  await op.getByRole('button', { name: 'Reactivate Kent County Council' }).click();
  await op.getByRole('button', { name: 'Yes, reactivate Kent County Council' }).click();
  await banner(op, 'Kent County Council is active again');
  await op.locator('tr[data-council="kent"]').getByText('Active').waitFor();
  await e.as('admin@kent.demo')('GET', '/api/v1/councils/kent/settings');
}

/** A partnership over Testshire and Oxfordshire, with a partner reader; a bad reader line first. */
async function addPartnership(op: Page) {
  await op.fill('#partnership-name', 'Testshire Shared HR');
  await op.fill('#partnership-id', 'testshire-hr');
  await op.check('#partnership-members-testshire');
  await op.check('#partnership-members-oxfordshire');
  await op.selectOption('#partnership-lead', 'testshire');
  await op.fill('#partnership-readers', 'Pat Partner <pat@partner.gov.uk>\nnot an address');
  await op.getByRole('button', { name: 'Set up partnership' }).click();
  await summaryLink(op, 'partnership-readers').filter({ hasText: 'Line 2' }).waitFor();
  await expectAccessible(op, 'operator-partnership-error');
  await op.fill('#partnership-readers', 'Pat Partner <pat@partner.gov.uk>');
  await op.getByRole('button', { name: 'Set up partnership' }).click();
  await banner(op, 'Testshire Shared HR has been set up');
  // Oxfordshire is invited; it decides itself what to share.
  const consents = await e.as('admin@oxfordshire.demo')('GET', '/api/v1/councils/oxfordshire/partnerships');
  expect(consents.items.map((x: { partnershipId: string }) => x.partnershipId)).toContain('testshire-hr');
}

/** Empty, then already a member: the GOV.UK error summary names the field each time. */
async function inviteErrors(admin: Page) {
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await summaryLink(admin, 'invite-email').waitFor();
  expect(await summaryLink(admin, 'invite-role').innerText()).toBe('Choose what they can do');
  await expectAccessible(admin, 'members-invite-errors');
  await admin.fill('#invite-email', 'alex.admin@testshire.gov.uk');
  await inviteForm(admin).getByLabel('Viewer', { exact: true }).check();
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await summaryLink(admin, 'invite-email')
    .filter({ hasText: 'alex.admin@testshire.gov.uk is already a member of this council' })
    .waitFor();
  await expectAccessible(admin, 'members-invite-conflict');
}

/** An admin cannot take away their own admin role (the API's 422), named on the role field. */
async function ownRoleRefused(admin: Page) {
  await admin.getByRole('button', { name: 'Change Alex Admin’s role or linked person' }).click();
  await admin.getByLabel('Editor', { exact: true }).check();
  await admin.getByRole('button', { name: 'Save changes' }).click();
  await summaryLink(admin, 'member-role').filter({ hasText: 'your own admin role' }).waitFor();
  await expectAccessible(admin, 'members-own-role-error');
  await admin.getByRole('button', { name: 'Cancel' }).click();
  await admin.waitForFunction(() => document.activeElement?.id.startsWith('change-'));
}

/** "Your alerts" for an admin with no linked person points to the members page. */
async function alertsPointToMembers(admin: Page) {
  await serviceNav(admin).getByRole('link', { name: 'Your alerts' }).click();
  await admin.getByRole('link', { name: 'Members page' }).waitFor();
  await expectAccessible(admin, 'alert-preferences-not-linked');
  await admin.getByRole('link', { name: 'Members page' }).click();
  await memberRow(admin, 'Alex Admin').waitFor();
}

import type { Locator, Page } from '@playwright/test';
import {
  createDemoUser,
  demoPoolIdOf,
  expect,
  openDemoUser,
  poolUsersUrl,
  test,
  uniqueUsername,
} from '../support/fixtures';

/**
 * Issue 8, defect 7: on a 390 × 844 phone the pages fit the screen (no sideways scrolling, no table
 * wider than the screen), the app bar's controls are all on screen, lists are readable as lists, and
 * dialogs fit.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
// Several pages per test on a busy 2-core machine.
test.beforeEach(() => test.slow());

/** Nothing makes the page scroll sideways, and no table (or other box) is wider than the screen. */
async function expectFitsTheScreen(page: Page): Promise<void> {
  // Let the page settle (fonts, lazy chunks, rows) before measuring it.
  await page.waitForLoadState('networkidle');
  const measured = await page.evaluate(() => {
    const width = window.innerWidth;
    const tooWide = [...document.querySelectorAll<HTMLElement>('main table, main [role="table"]')]
      .filter((element) => element.getBoundingClientRect().width > width)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}[aria-label=${element.getAttribute('aria-label')}] ${Math.round(element.getBoundingClientRect().width)}px`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, tooWide };
  });
  expect(measured.tooWide, 'tables wider than the screen').toEqual([]);
  expect(measured.scrollWidth, 'page width vs screen width').toBeLessThanOrEqual(measured.width);
}

/** Visible, and wholly inside the screen. */
async function expectOnScreen(control: Locator): Promise<void> {
  await expect(control).toBeVisible();
  const box = await control.boundingBox();
  const viewport = control.page().viewportSize();
  expect(box, 'has a box').not.toBeNull();
  expect(viewport).not.toBeNull();
  expect(box!.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, 'right edge').toBeLessThanOrEqual(viewport!.width);
}

async function expectAppBarOnScreen(page: Page): Promise<void> {
  const banner = page.getByRole('banner');
  // The audit log's filters have a "Pool" too: the switcher is the app bar's.
  await expectOnScreen(banner.getByRole('combobox', { name: 'Pool', exact: true }));
  await expectOnScreen(banner.getByRole('button', { name: /light\/dark/ }));
  await expectOnScreen(banner.getByRole('button', { name: /^Account/ }));
  await expectOnScreen(banner.getByRole('button', { name: /menu/i }).first());
}

test('the users list: a readable list that fits the screen, the app bar on screen', async ({
  page,
  signIn,
}) => {
  await signIn('admin');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Users');
  // One entry per user, with the username and how to reach them, each opening the user.
  const entries = page.getByRole('main').getByRole('link').filter({ hasText: /@/ });
  await expect(entries.first()).toBeVisible();
  await expectFitsTheScreen(page);
  await expectAppBarOnScreen(page);

  // The account menu opens on screen.
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Account/ })
    .click();
  await expectOnScreen(page.getByRole('menuitem', { name: 'Sign out' }));
});

test('the audit log: each event is readable without a table wider than the screen', async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  // An event of this spec's own, the newest: the log shows it first.
  const username = uniqueUsername('e2e-phone-audit');
  await createDemoUser(page, request, { username });
  await page.goto('/#/audit-events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  const main = page.getByRole('main');
  await expect(main.getByText('user.create').first()).toBeVisible();
  await expect(main.getByText(username).first()).toBeVisible();
  await expectFitsTheScreen(page);
  await expectAppBarOnScreen(page);
});

test("a user's page and its dialogs fit the screen", async ({ page, request, signIn }) => {
  await signIn('admin');
  const username = uniqueUsername('e2e-phone');
  await createDemoUser(page, request, {
    username,
    attributes: { email: `${username}@example.com`, given_name: 'Phone' },
  });
  await openDemoUser(page, request, username);
  await expectFitsTheScreen(page);
  await expectAppBarOnScreen(page);

  await page.getByRole('button', { name: 'Set password', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectOnScreen(dialog);
  const inside = await dialog.evaluate((element) => {
    const paper = element.querySelector<HTMLElement>('.MuiDialog-paper') ?? element;
    return { scrollWidth: paper.scrollWidth, clientWidth: paper.clientWidth };
  });
  expect(inside.scrollWidth, 'dialog content width').toBeLessThanOrEqual(inside.clientWidth);
  await expectOnScreen(dialog.getByRole('button', { name: 'Cancel' }));
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expectFitsTheScreen(page);
});

test('the identity pools list fits the screen', async ({ page, signIn }) => {
  await signIn('admin');
  await page.goto('/#/identity-pools');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Identity pools');
  await expect(page.getByRole('main').getByText('Acme Customers identity').first()).toBeVisible();
  await expectFitsTheScreen(page);
  await expectAppBarOnScreen(page);
});

test('the invite form fits the screen', async ({ page, request, signIn }) => {
  await signIn('admin');
  await page.goto(`${poolUsersUrl(await demoPoolIdOf(page, request))}/create`);
  await expect(page.getByText('Invite a user to Acme Customers')).toBeVisible();
  await expectFitsTheScreen(page);
  await expectAppBarOnScreen(page);
});

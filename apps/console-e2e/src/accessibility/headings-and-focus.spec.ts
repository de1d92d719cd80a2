import type { Page } from '@playwright/test';
import {
  createDemoUser,
  dataRows,
  demoPoolName,
  expect,
  operatorPassword,
  signInAs,
  test,
  uniqueUsername,
} from '../support/fixtures';

async function tabsUntil(page: Page, isTarget: () => Promise<boolean>, max = 30): Promise<number> {
  for (let tabs = 1; tabs <= max; tabs += 1) {
    await page.keyboard.press('Tab');
    if (await isTarget()) return tabs;
  }
  return Infinity;
}

test('every screen has one <h1> naming it, and focus moves to it on each page change', async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  const username = uniqueUsername('e2e-heading');
  await createDemoUser(page, request, { username, attributes: { email: `${username}@example.com` } });
  const h1 = page.locator('h1');
  await expect(h1).toHaveCount(1);
  await expect(h1).toHaveText(`Users · ${demoPoolName}`);

  await page.getByRole('textbox', { name: 'Search users' }).fill(`${username}@example.com`);
  await expect(dataRows(page, 'Users')).toHaveCount(1);
  await page.getByRole('link', { name: username }).click();
  await expect(h1).toHaveCount(1);
  await expect(h1).toHaveText(`User ${username}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(h1).toHaveText(`Edit ${username}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.getByRole('menuitem', { name: 'Audit log' }).click();
  await expect(h1).toHaveCount(1);
  await expect(h1).toHaveText('Audit log');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('after signing in, the first user is a few Tabs away', async ({ page }) => {
  await signInAs(page, 'support', operatorPassword);
  const first = dataRows(page, 'Users').first().getByRole('link');
  await expect(first).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const name = await first.textContent();
  const tabs = await tabsUntil(page, async () =>
    page.evaluate((text) => document.activeElement?.textContent === text, name),
  );
  // The heading, then the list's own controls (search, search in, match, status), then the first row.
  expect(tabs).toBeLessThanOrEqual(6);
});

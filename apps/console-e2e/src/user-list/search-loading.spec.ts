import { chooseDemoPool, dataRows, expect, test } from '../support/fixtures';

test('while a search loads the list says so, and never shows rows that do not match the box', async ({
  page,
  signIn,
}) => {
  await signIn('auditor');
  await chooseDemoPool(page);
  const rows = dataRows(page, 'Users');
  await expect(rows).toHaveCount(60);
  const email = (await rows.nth(4).getByRole('cell').nth(1).textContent())!.trim();
  expect(email).toContain('@');

  // Hold the search's answer until the loading state has been checked (a test double of a slow network).
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.endsWith('/users') && url.searchParams.has('search'),
    async (route) => {
      await released;
      await route.continue();
    },
  );
  await page.getByRole('textbox', { name: 'Search users' }).fill(email);
  await expect(page.getByRole('status').filter({ hasText: 'Loading users' })).toBeVisible();
  await expect(rows).toHaveCount(0);
  release();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(email);
});

import { chooseDemoPool, dataRows, expect, test } from '../support/fixtures';

test('the status filter keeps only users in that state', async ({ page, signIn }) => {
  await signIn('auditor');
  await chooseDemoPool(page);
  const rows = dataRows(page, 'Users');
  await expect(rows).toHaveCount(60);

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Disabled', exact: true }).click();
  await expect(rows.first()).toContainText('Disabled');
  await expect(rows.filter({ hasNotText: 'Disabled' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Reset required', exact: true }).click();
  await expect(rows.first()).toContainText('Reset required');
  await expect(rows.filter({ hasNotText: 'Reset required' })).toHaveCount(0);
});

test('a search that finds nobody shows the empty state, and Clear filters brings the users back', async ({
  page,
  signIn,
}) => {
  await signIn('auditor');
  await chooseDemoPool(page);
  const rows = dataRows(page, 'Users');
  await expect(rows).toHaveCount(60);

  await page.getByRole('textbox', { name: 'Search users' }).fill('zz-nobody-is-called-this');
  await expect(page.getByRole('status').filter({ hasText: 'No users match these filters.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(60);
  await expect(page.getByRole('textbox', { name: 'Search users' })).toHaveValue('');
});

import { chooseDemoPool, dataRows, expect, test } from '../support/fixtures';

test('support may disable and reset passwords but not delete, edit or invite', async ({ page, signIn }) => {
  await signIn('support');
  await chooseDemoPool(page);

  const rows = dataRows(page, 'Users');
  await expect(rows).toHaveCount(60);
  await expect(page.getByRole('link', { name: 'Invite user' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Audit log' })).toHaveCount(0);

  const enabledRow = rows.filter({ hasNotText: 'Disabled' }).first();
  const username = (await enabledRow.getByRole('cell').first().innerText()).trim();
  await enabledRow.getByRole('cell').first().click();
  await expect(page.getByText(`User ${username}`)).toBeVisible();

  await expect(page.getByRole('button', { name: 'Disable', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset password', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out everywhere', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Set password', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);

  // The confirmation dialog closes with Escape and changes nothing.
  await page.getByRole('button', { name: 'Reset password', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Reset the password of ${username}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Reason (optional)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

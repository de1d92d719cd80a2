import { createDemoUser, dataRows, expect, openDemoUser, test, uniqueUsername } from '../support/fixtures';

test('admin deletes a user after typing its name; the user is gone from the list', async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-delete');
  await signIn('admin');
  await createDemoUser(page, request, { username, attributes: { email: `${username}@example.com` } });
  await openDemoUser(page, request, username);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${username}?` });
  await expect(dialog).toContainText('cannot be undone');
  const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: `Type ${username} to confirm` }).fill(username);
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(page.getByText(`${username} was deleted.`)).toBeVisible();
  await page.getByRole('textbox', { name: 'Search users' }).fill(`${username}@example.com`);
  await expect(page.getByText('No users match these filters.')).toBeVisible();
  await expect(dataRows(page, 'Users')).toHaveCount(0);
});

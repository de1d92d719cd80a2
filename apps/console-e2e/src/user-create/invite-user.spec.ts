import {
  chooseDemoPool,
  dataRows,
  demoPoolIdOf,
  expect,
  routePattern,
  test,
  uniqueUsername,
} from '../support/fixtures';

test('admin invites a user, and inviting the same username again flags the Username field', async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-invite');
  await signIn('admin');
  await chooseDemoPool(page);
  await expect(dataRows(page, 'Users').first()).toBeVisible();

  await page.getByRole('link', { name: 'Invite user' }).click();
  await expect(page.getByText('Invite a user to Acme Customers')).toBeVisible();
  const usernameInput = page.getByRole('textbox', { name: 'Username', exact: true });
  await usernameInput.fill(username);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${username}@example.com`);
  await page.getByRole('textbox', { name: 'Given name' }).fill('Invited');
  // "Send by" only matters when an invitation is sent.
  await expect(page.getByRole('checkbox', { name: 'SMS' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Send the invitation' }).check();
  await expect(page.getByRole('checkbox', { name: 'SMS' })).toBeVisible();
  await page.getByRole('radio', { name: /Do not send anything/ }).check();
  await page.getByRole('button', { name: 'Invite user' }).click();

  // Nothing sent and no password chosen: the generated one is shown once (support-desk/ checks it further).
  const shown = page.getByRole('dialog', { name: `${username} was invited: temporary password` });
  await expect(shown).toBeVisible();
  await shown.getByRole('button', { name: 'Done, go to the user' }).click();
  await expect(page.getByText(`User ${username}`)).toBeVisible();
  const poolId = await demoPoolIdOf(page, request);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/${username}/show`));
  await expect(page.getByText('Force change password', { exact: true })).toBeVisible();

  // Same username again: the API's USERNAME_EXISTS lands on the Username field, the form stays.
  await page.getByRole('link', { name: 'Back to users' }).click();
  await page.getByRole('link', { name: 'Invite user' }).click();
  await usernameInput.fill(username);
  await page.getByRole('button', { name: 'Invite user' }).click();
  await expect(usernameInput).toHaveAttribute('aria-invalid', 'true');
  await expect(usernameInput).toHaveAccessibleDescription(/already exists/);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/create`));
});

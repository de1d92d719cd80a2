import {
  createDemoUser,
  expect,
  openDemoUser,
  test,
  uniqueUsername,
  userPassword,
} from '../support/fixtures';

test('reset password turns a confirmed user into Reset required', async ({ page, request, signIn }) => {
  const username = uniqueUsername('e2e-reset');
  await signIn('admin');
  await createDemoUser(page, request, { username, permanentPassword: userPassword });
  await openDemoUser(page, request, username);
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Reset password', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Reset the password of ${username}?` });
  await dialog.getByRole('button', { name: 'Reset password' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`The password of ${username} was reset.`)).toBeVisible();
  await expect(page.getByText('Reset required', { exact: true })).toBeVisible();
});

test('a permanent password turns Force change password into Confirmed', async ({ page, request, signIn }) => {
  const username = uniqueUsername('e2e-setpw');
  await signIn('admin');
  await createDemoUser(page, request, { username, temporaryPassword: userPassword });
  await openDemoUser(page, request, username);
  await expect(page.getByText('Force change password', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Set password', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Set a password for ${username}` });
  const confirm = dialog.getByRole('button', { name: 'Set password' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('New password').fill(`${userPassword}2`);
  await dialog.getByRole('checkbox', { name: /Permanent/ }).check();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`The password of ${username} was set.`)).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
});

test('support signs a user out everywhere, with a reason, confirming with Enter', async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-signout');
  // Arrange as admin (support may not create users), act as support.
  await signIn('admin');
  await createDemoUser(page, request, { username, permanentPassword: userPassword });
  await page.evaluate(() => window.localStorage.removeItem('poolkeeper.session'));
  await signIn('support');
  await openDemoUser(page, request, username);

  await page.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Sign ${username} out everywhere?` });
  await dialog.getByLabel('Reason (optional)').fill('e2e: lost phone');
  await dialog.getByLabel('Reason (optional)').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${username} is signed out everywhere.`)).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
});

import {
  chooseDemoPool,
  dataRows,
  demoPoolIdOf,
  expect,
  routePattern,
  test,
  uniqueUsername,
} from '../support/fixtures';

test('an invite with nothing sent shows the generated temporary password once, copyable; never again', async ({
  page,
  context,
  request,
  signIn,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const username = uniqueUsername('e2e-temp-pw');
  await signIn('admin');
  await chooseDemoPool(page);
  await expect(dataRows(page, 'Users').first()).toBeVisible();
  await page.getByRole('link', { name: 'Invite user' }).click();
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${username}@example.com`);
  await expect(page.getByRole('radio', { name: /Do not send anything/ })).toBeChecked();
  await page.getByRole('button', { name: 'Invite user' }).click();

  const dialog = page.getByRole('dialog', { name: `${username} was invited: temporary password` });
  await expect(dialog).toBeVisible();
  const password = (await dialog.getByTestId('temporary-password').innerText()).trim();
  // meets the demo pool's policy: long, with upper, lower, digit and symbol
  expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])(?=.*[^A-Za-z0-9]).{16,}$/);
  await expect(dialog.getByText('This password will not be shown again')).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy password' }).click();
  await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  await dialog.getByRole('button', { name: 'Done, go to the user' }).click();
  const poolId = await demoPoolIdOf(page, request);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/${username}/show`));
  await expect(page.getByText('Force change password', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(password);

  // back to the invite screen: an empty form, no password
  await page.goBack();
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/create`));
  await expect(page.getByRole('button', { name: 'Invite user' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(password);
  // and forward again to the user: still not there
  await page.goForward();
  await expect(page.getByText(`User ${username}`)).toBeVisible();
  await expect(page.locator('body')).not.toContainText(password);
  expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(password);
});

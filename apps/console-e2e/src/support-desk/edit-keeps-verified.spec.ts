import {
  attributeValue,
  createDemoUser,
  expect,
  openDemoUser,
  test,
  uniqueUsername,
} from '../support/fixtures';

test('the edit form says a changed email becomes unverified, and can keep it verified', async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-keep-verified');
  await signIn('admin');
  await createDemoUser(page, request, {
    username,
    attributes: { email: `${username}@example.com`, email_verified: 'true' },
  });
  await openDemoUser(page, request, username);
  await expect(attributeValue(page, 'email_verified')).toHaveText('true');

  // kept verified
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByText(`Edit ${username}`)).toBeVisible();
  const email = page.getByRole('textbox', { name: 'Email', exact: true });
  await email.fill(`${username}-new@example.com`);
  await expect(page.getByTestId('verification-note-email')).toContainText(
    'Changing the email address makes Cognito mark it unverified',
  );
  await page.getByRole('switch', { name: 'Keep the email address verified' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`User ${username}`)).toBeVisible();
  await expect(attributeValue(page, 'email')).toHaveText(`${username}-new@example.com`);
  await expect(attributeValue(page, 'email_verified')).toHaveText('true');

  // not kept: unverified, as Cognito does; then an admin can mark it verified again
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByText(`Edit ${username}`)).toBeVisible();
  await email.fill(`${username}-third@example.com`);
  await expect(page.getByTestId('verification-note-email')).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`User ${username}`)).toBeVisible();
  await expect(attributeValue(page, 'email_verified')).toHaveText('false');
  await page.getByRole('button', { name: 'Mark email verified' }).click();
  const dialog = page.getByRole('dialog', { name: `Mark the email address of ${username} verified?` });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('the new address was checked with them');
  await dialog.getByRole('button', { name: 'Mark email verified' }).click();
  await expect(attributeValue(page, 'email_verified')).toHaveText('true');
});

import {
  attributeValue,
  createDemoUser,
  expect,
  openDemoUser,
  test,
  uniqueUsername,
} from '../support/fixtures';

test('admin sets one attribute and clears another; the user page shows the result', async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-edit');
  await signIn('admin');
  await createDemoUser(page, request, {
    username,
    attributes: { email: `${username}@example.com`, family_name: 'Before' },
  });
  await openDemoUser(page, request, username);
  await expect(attributeValue(page, 'family_name')).toHaveText('Before');

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByText(`Edit ${username}`)).toBeVisible();
  await page.getByRole('textbox', { name: 'custom:plan' }).fill('enterprise-e2e');
  await page.getByRole('textbox', { name: 'Family name' }).clear();
  await page.getByRole('textbox', { name: 'Reason (optional)' }).fill('e2e: plan upgrade');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByText(`${username} was updated.`)).toBeVisible();
  await expect(page.getByText(`User ${username}`)).toBeVisible();
  await expect(attributeValue(page, 'custom:plan')).toHaveText('enterprise-e2e');
  await expect(attributeValue(page, 'family_name')).toHaveCount(0);
  await expect(attributeValue(page, 'email')).toHaveText(`${username}@example.com`);
});

import { createDemoUser, demoPoolIdOf, expect, test, uniqueUsername } from '../support/fixtures';
import { addDemoMember, createDemoGroup, demoGroupStatus, groupUrl, uniqueGroupName } from './group-helpers';

test('deleting a group shows its member count first and needs its name typed', async ({
  page,
  request,
  signIn,
}) => {
  test.slow(); // arranges a user, a group and a membership
  await signIn('admin');
  const groupName = uniqueGroupName('e2e-doomed');
  const username = uniqueUsername('e2e-doomed-member');
  await createDemoUser(page, request, { username });
  await createDemoGroup(page, request, { groupName, description: 'to be deleted' });
  await addDemoMember(page, request, groupName, username);

  await page.goto(groupUrl(await demoPoolIdOf(page, request), groupName));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Group ${groupName}`);
  await page.getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete the group ${groupName}?` });
  await expect(dialog.getByText('It has 1 member: this user loses the group.')).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Delete group' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${groupName} to confirm`).fill(`${groupName}x`);
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${groupName} to confirm`).fill(groupName);
  await dialog.getByLabel('Reason (optional)').fill('e2e: no longer used');
  await confirm.click();

  await expect(page.getByText(`The group ${groupName} was deleted.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Groups · /);
  expect(await demoGroupStatus(page, request, groupName)).toBe(404);
});

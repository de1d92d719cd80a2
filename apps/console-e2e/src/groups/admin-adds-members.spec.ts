import {
  createDemoUser,
  dataRows,
  demoPoolIdOf,
  expect,
  openDemoUser,
  test,
  uniqueUsername,
} from '../support/fixtures';
import { addDemoMember, createDemoGroup, groupUrl, roleArn, uniqueGroupName } from './group-helpers';

test('admin creates a group, adds two users from the user page and sees them on the group page', async ({
  page,
  request,
  signIn,
}) => {
  test.slow();
  await signIn('admin');
  const users = [uniqueUsername('e2e-grp-a'), uniqueUsername('e2e-grp-b')];
  for (const username of users) await createDemoUser(page, request, { username });
  const groupName = uniqueGroupName('e2e-editors');
  const arn = roleArn('e2e-editors');

  await page.getByRole('menuitem', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Groups · /);
  await page.getByRole('link', { name: 'Create group' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Create a group in /);

  await page.getByLabel('Group name').fill(groupName);
  await page.getByLabel('Description').fill('Editors of the e2e run');
  await page.getByLabel('Precedence (optional)').fill('4');
  // The contract's role-ARN schema refuses an ARN that is not a role's, before anything is sent.
  await page.getByLabel('IAM role ARN (optional)').fill('arn:aws:iam::123456789012:user/e2e');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByText(/Must be an IAM role ARN/)).toBeVisible();
  await page.getByLabel('IAM role ARN (optional)').fill(arn);
  await page.getByRole('button', { name: 'Create group' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Group ${groupName}`);
  await expect(page.getByText('This group has no members.')).toBeVisible();

  for (const username of users) {
    await openDemoUser(page, request, username);
    const section = page.getByRole('region', { name: 'Groups and token roles' });
    await expect(section.getByText(`${username} is in no group.`)).toBeVisible();
    await section.getByRole('button', { name: 'Add to group' }).click();
    const dialog = page.getByRole('dialog', { name: `Add ${username} to a group` });
    await dialog.getByLabel('Group').fill(groupName);
    await page.getByRole('option', { name: new RegExp(`^${groupName} · precedence 4$`) }).click();
    await dialog.getByLabel('Reason (optional)').fill('e2e: new editor');
    await dialog.getByRole('button', { name: 'Add to group' }).click();
    await expect(dialog).toBeHidden();
    const row = section
      .getByRole('table', { name: 'Groups of this user' })
      .getByRole('row', { name: new RegExp(groupName) });
    await expect(row).toContainText('4');
    await expect(row).toContainText(arn);
    await expect(section.getByText(`Tokens carry the preferred role ${arn}`)).toBeVisible();
  }

  await page
    .getByRole('region', { name: 'Groups and token roles' })
    .getByRole('link', { name: groupName })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Group ${groupName}`);
  const members = dataRows(page, 'Members');
  await expect(members).toHaveCount(2);
  for (const username of users) await expect(members.filter({ hasText: username })).toHaveCount(1);
});

test('admin removes a member from the group page; the user page says when the best groups tie', async ({
  page,
  request,
  signIn,
}) => {
  test.slow(); // two users, two groups, three pages
  await signIn('admin');
  const username = uniqueUsername('e2e-grp-tie');
  await createDemoUser(page, request, { username });
  const [left, right] = [uniqueGroupName('e2e-tie-a'), uniqueGroupName('e2e-tie-b')];
  await createDemoGroup(page, request, { groupName: left, precedence: 3, roleArn: roleArn('e2e-tie-a') });
  await createDemoGroup(page, request, { groupName: right, precedence: 3, roleArn: roleArn('e2e-tie-b') });
  await addDemoMember(page, request, left, username);
  await addDemoMember(page, request, right, username);

  await openDemoUser(page, request, username);
  const section = page.getByRole('region', { name: 'Groups and token roles' });
  await expect(section.getByText(/No preferred role: the best groups .* share precedence 3/)).toBeVisible();

  await page.goto(groupUrl(await demoPoolIdOf(page, request), right));
  await expect(dataRows(page, 'Members')).toHaveCount(1);
  await page.getByRole('button', { name: `Remove ${username} from the group` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove ${username} from ${right}?` });
  await dialog.getByRole('button', { name: 'Remove from group' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('This group has no members.')).toBeVisible();

  await openDemoUser(page, request, username);
  await expect(section.getByText(`Tokens carry the preferred role ${roleArn('e2e-tie-a')}`)).toBeVisible();
});

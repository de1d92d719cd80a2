import { chooseDemoPool, dataRows, expect, test } from '../support/fixtures';

test('admin pages the demo pool, finds a user by email prefix, disables it and sees it audited', async ({
  page,
  signIn,
}) => {
  test.slow(); // the whole operator journey in one test: give it three times the default budget
  await signIn('admin');
  await chooseDemoPool(page);

  // First page: 60 users, no total (Cognito cannot count), Next enabled.
  const rows = dataRows(page, 'Users');
  await expect(rows).toHaveCount(60);
  await expect(page.getByText('Page 1 · 60 per page')).toBeVisible();
  const firstOnPageOne = await rows.first().getByRole('cell').first().innerText();

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2 · 60 per page')).toBeVisible();
  await expect(rows.first()).not.toContainText(firstOnPageOne);
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeEnabled();

  // Pick an enabled user with an email on page 2 and search for it by email prefix.
  const candidate = rows.filter({ hasText: '@' }).filter({ hasNotText: 'Disabled' }).first();
  const cells = candidate.getByRole('cell');
  const username = (await cells.nth(0).innerText()).trim();
  const email = (await cells.nth(1).innerText()).trim();
  const prefix = email.slice(0, email.indexOf('@') + 1);
  expect(prefix.length).toBeGreaterThan(1);

  await page.getByRole('textbox', { name: 'Search users' }).fill(prefix);
  // Emails need not be unique: every row found starts with the prefix, and ours is among them.
  const match = rows.filter({ has: page.getByRole('cell', { name: username, exact: true }) });
  await expect(match).toHaveCount(1);
  await expect(rows.filter({ hasNotText: prefix })).toHaveCount(0);
  await match.getByRole('cell').first().click();

  // User page: disable with a reason.
  await expect(page.getByText(`User ${username}`)).toBeVisible();
  await expect(page.getByText('Disabled', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Disable' }).click();
  const dialog = page.getByRole('dialog', { name: `Disable ${username}?` });
  await expect(dialog).toBeVisible();
  const reason = `e2e: suspicious sign-ins ${Date.now()}`;
  await dialog.getByLabel('Reason (optional)').fill(reason);
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${username} is disabled.`)).toBeVisible();
  await expect(page.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Cognito status: /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enable' })).toBeVisible();

  // Audit log: the attempt and its outcome, with the reason.
  await page.getByRole('menuitem', { name: 'Audit log' }).click();
  await page.getByLabel('Target').fill(username);
  const events = dataRows(page, 'Audit events').filter({ hasText: 'user.disable' });
  await expect(events.filter({ hasText: 'attempted' })).toHaveCount(1);
  await expect(events.filter({ hasText: 'succeeded' })).toHaveCount(1);
  await expect(events.filter({ hasText: reason })).toHaveCount(2);

  // Expanding an event shows the request summary and the ids to correlate.
  await events.filter({ hasText: 'succeeded' }).getByRole('cell').nth(1).click();
  await expect(page.getByText('Correlation id')).toBeVisible();
  await expect(page.getByText('AWS request id')).toBeVisible();
  await expect(page.getByLabel('Request summary')).toBeVisible();
});

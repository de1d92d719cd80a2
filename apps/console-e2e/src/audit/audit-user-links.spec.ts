import {
  createDemoUser,
  dataRows,
  demoPoolIdOf,
  expect,
  openDemoUser,
  routePattern,
  test,
  uniqueUsername,
} from '../support/fixtures';

test("a user's page links to that user's audit history, and its events link back to the user", async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-audit-link');
  await signIn('admin');
  await createDemoUser(page, request, { username, attributes: { email: `${username}@example.com` } });
  const poolId = await demoPoolIdOf(page, request);
  await openDemoUser(page, request, username);

  await page.getByRole('link', { name: 'Audit history' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByLabel('Target')).toHaveValue(username);
  const rows = dataRows(page, 'Audit events');
  // The invitation: its attempt and its outcome, and nothing about anyone else.
  await expect(rows.filter({ hasText: 'user.create' })).toHaveCount(2);
  await expect(rows.filter({ hasNotText: username })).toHaveCount(0);

  await rows.filter({ hasText: 'succeeded' }).getByRole('link', { name: username }).click();
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/${username}/show`));
  await expect(page.getByText(`User ${username}`)).toBeVisible();
});

test('support, who may not read the audit log, is not offered the audit history link', async ({
  page,
  request,
  signIn,
}) => {
  await signIn('support');
  const poolId = await demoPoolIdOf(page, request);
  await page.goto(`/#/pools/${poolId}/users`);
  await dataRows(page, 'Users').first().getByRole('link').click();
  await expect(page.getByText(/^User /)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit history' })).toHaveCount(0);
});

import {
  attributeValue,
  createDemoUser,
  dataRows,
  demoPoolIdOf,
  expect,
  operatorPassword,
  poolSwitcher,
  routePattern,
  signInAs,
  test,
  uniqueUsername,
} from '../support/fixtures';

test.describe('a link to a user, pasted to a colleague, opens the same user in the same pool', () => {
  let username: string;
  let poolId: string;
  let link: string;

  test.beforeEach(async ({ page, request, signIn }) => {
    username = uniqueUsername('e2e-link');
    await signIn('admin');
    await createDemoUser(page, request, { username, attributes: { email: `${username}@example.com` } });
    poolId = await demoPoolIdOf(page, request);
    // The address bar of the operator who shares the link.
    await page.getByRole('textbox', { name: 'Search users' }).fill(`${username}@example.com`);
    // Wait for the (debounced) search to apply: it rewrites the URL of the list.
    await expect(dataRows(page, 'Users')).toHaveCount(1);
    await page.getByRole('link', { name: username }).click();
    await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/${username}/show`));
    await expect(page.getByText(`User ${username}`)).toBeVisible();
    link = page.url();
  });

  test('in a fresh browser already signed in', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    try {
      const colleague = await context.newPage();
      await signInAs(colleague, 'auditor', operatorPassword);
      await expect(colleague.getByTestId('signed-in-username')).toHaveText('auditor');
      await colleague.goto(link);
      await expect(colleague.getByText(`User ${username}`)).toBeVisible();
      await expect(attributeValue(colleague, 'email')).toHaveText(`${username}@example.com`);
      await expect(poolSwitcher(colleague)).toHaveValue(poolId);
    } finally {
      await context.close();
    }
  });

  test('in a fresh browser not signed in yet: after signing in', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    try {
      const colleague = await context.newPage();
      await colleague.goto(link);
      await expect(colleague.getByLabel('Username')).toBeEditable({ timeout: 20_000 });
      await colleague.getByLabel('Username').fill('auditor');
      await colleague.getByLabel('Password').fill(operatorPassword);
      await colleague.getByRole('button', { name: 'Sign in' }).click();
      await expect(colleague.getByText(`User ${username}`)).toBeVisible();
      await expect(colleague).toHaveURL(routePattern(`/pools/${poolId}/users/${username}/show`));
      await expect(attributeValue(colleague, 'email')).toHaveText(`${username}@example.com`);
    } finally {
      await context.close();
    }
  });
});

import {
  createDemoUser,
  demoPoolIdOf,
  expect,
  routePattern,
  test,
  uniqueUsername,
  userUrl,
} from '../support/fixtures';

test('a 503 on a user page is not "does not exist": the operator stays, and Retry loads the user', async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  const username = uniqueUsername('e2e-503');
  await createDemoUser(page, request, { username });
  const poolId = await demoPoolIdOf(page, request);
  let failures = 0;
  // A test double of the network: the first load of this user answers 503, as the API does when
  // Cognito is throttling or unreachable.
  await page.route(`**/api/pools/${poolId}/users/${username}`, async (route) => {
    if (route.request().method() === 'GET' && failures === 0) {
      failures += 1;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'COGNITO_UNAVAILABLE', message: 'Cognito is not reachable right now.' }),
      });
      return;
    }
    await route.continue();
  });
  await page.goto(userUrl(poolId, username));
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/try again/i);
  await expect(page.getByText(/does not exist|not found/i)).toHaveCount(0);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/${username}/show`));
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`User ${username}`);
  expect(failures).toBe(1);
});

test('a user that is not there reads "not found", with no Retry', async ({ page, request, signIn }) => {
  await signIn('support');
  const poolId = await demoPoolIdOf(page, request);
  const username = uniqueUsername('e2e-nobody');
  await page.goto(userUrl(poolId, username));
  const alert = page.getByRole('alert').filter({ hasText: username });
  await expect(alert).toContainText(/no user|not found/i);
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/${username}/show`));
});

import {
  createDemoUser,
  demoPoolIdOf,
  expect,
  routePattern,
  test,
  uniqueUsername,
} from '../support/fixtures';

test('links from before the pool was in the URL (#/users…) open the same page in the current pool', async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-old-link');
  await signIn('admin');
  await createDemoUser(page, request, { username });
  const poolId = await demoPoolIdOf(page, request);

  await page.goto('/#/users');
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users`));
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();

  await page.goto(`/#/users/${encodeURIComponent(username)}/show`);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/${username}/show`));
  await expect(page.getByText(`User ${username}`)).toBeVisible();

  await page.goto('/#/users/create');
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/create`));
  await expect(page.getByText('Invite a user to')).toBeVisible();
});

import {
  dataRows,
  demoPoolIdOf,
  expect,
  operatorPassword,
  routePattern,
  test,
  userUrl,
} from '../support/fixtures';

test('an expired session says so on the sign-in page, and signing in returns to the linked page', async ({
  page,
  request,
  signIn,
}) => {
  await signIn('support');
  const username = (await dataRows(page, 'Users').first().getByRole('link').textContent())!;
  const poolId = await demoPoolIdOf(page, request);
  // The session ran out: the access token is past its time and the refresh token no longer works.
  await page.evaluate(() => {
    const raw = window.localStorage.getItem('poolkeeper.session')!;
    const session = { ...JSON.parse(raw), refreshToken: 'revoked', expiresAt: Date.now() - 60_000 };
    window.localStorage.setItem('poolkeeper.session', JSON.stringify(session));
  });
  const link = userUrl(poolId, username);
  await page.goto(link);
  await expect(page.getByRole('status').filter({ hasText: 'Your session expired' })).toBeVisible();
  await page.getByLabel('Username').fill('support');
  await page.getByLabel('Password').fill(operatorPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/${encodeURIComponent(username)}/show`));
  await expect(page.getByTestId('signed-in-username')).toHaveText('support');
});

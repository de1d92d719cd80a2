import {
  chooseDemoPool,
  dataRows,
  demoPoolIdOf,
  demoPoolName,
  expect,
  poolSwitcher,
  routePattern,
  test,
} from '../support/fixtures';

const unmanagedPoolId = 'eu-west-1_NotManaged1';

test('a pool id the console does not manage is named plainly, not a blank page', async ({ page, signIn }) => {
  await signIn('auditor');
  for (const route of [`/pools/${unmanagedPoolId}/users`, `/pools/${unmanagedPoolId}/users/alice/show`]) {
    await page.goto(`/#${route}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`poolkeeper does not manage the user pool “${unmanagedPoolId}”`);
    await expect(alert).toContainText('The link may be mistyped');
    await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);
  }
  // It offers the pools it does manage.
  await page.getByRole('link', { name: `Open ${demoPoolName}` }).click();
  await expect(page.getByText(`Users · ${demoPoolName}`)).toBeVisible();
  await expect(dataRows(page, 'Users')).toHaveCount(60);
});

test('the pool switcher changes the URL, and the URL sets the pool', async ({ page, request, signIn }) => {
  await signIn('auditor');
  const poolId = await demoPoolIdOf(page, request);
  // From a user page of a pool that is not managed: the switcher says so, and leads to the chosen pool.
  await page.goto(`/#/pools/${unmanagedPoolId}/users/alice/show`);
  await expect(poolSwitcher(page)).toHaveValue('');
  await chooseDemoPool(page);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users`));
  await expect(page.getByText(`Users · ${demoPoolName}`)).toBeVisible();
  await expect(dataRows(page, 'Users')).toHaveCount(60);
  await expect(poolSwitcher(page)).toHaveValue(poolId);

  // The menu leads to the pool in use.
  await page.getByRole('menuitem', { name: 'Audit log' }).click();
  await page.getByRole('menuitem', { name: 'Users' }).click();
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users`));
});

import { accessTokenOf, chooseDemoPool, dataRows, demoPoolId, expect, test } from '../support/fixtures';

test('auditor reads users but is offered no change, and the API refuses one with FORBIDDEN', async ({
  page,
  request,
  signIn,
}) => {
  await signIn('auditor');
  await expect(page.getByTestId('signed-in-roles')).toHaveText('auditor');
  await chooseDemoPool(page);

  const rows = dataRows(page, 'Users');
  await expect(rows).toHaveCount(60);
  await expect(page.getByRole('link', { name: 'Invite user' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Audit log' })).toBeVisible();

  const username = (await rows.first().getByRole('cell').first().innerText()).trim();
  await rows.first().getByRole('cell').first().click();
  await expect(page.getByText(`User ${username}`)).toBeVisible();
  await expect(page.getByText('All attributes (including custom)')).toBeVisible();
  for (const name of [
    'Disable',
    'Enable',
    'Delete',
    'Edit',
    'Reset password',
    'Sign out everywhere',
    'Set password',
  ]) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  }

  // The server does not rely on the console hiding buttons.
  const token = await accessTokenOf(page);
  const poolId = await demoPoolId(request, token);
  const response = await request.post(
    `/api/pools/${encodeURIComponent(poolId)}/users/${encodeURIComponent(username)}/disable`,
    {
      headers: { Authorization: `Bearer ${token}` },
      data: { reason: 'auditor tries anyway' },
    },
  );
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { code: string }).code).toBe('FORBIDDEN');
});

import { demoPoolIdOf, expect, poolUsersUrl, routePattern, test } from '../support/fixtures';

test("the invite form shows the contract's rules next to the fields, and sends nothing", async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  const poolId = await demoPoolIdOf(page, request);
  await page.goto(`${poolUsersUrl(poolId)}/create`);
  await expect(page.getByText('Invite a user to Acme Customers')).toBeVisible();

  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/'))
      sent.push(`${request.method()} ${request.url()}`);
  });

  const username = page.getByRole('textbox', { name: 'Username', exact: true });
  const temporaryPassword = page.getByLabel('Temporary password (optional)');
  const phone = page.getByRole('textbox', { name: 'Phone number' });
  await username.fill('has space');
  await temporaryPassword.fill('abc');
  await phone.fill('0044 20 7946 0000');
  await page.getByRole('button', { name: 'Invite user' }).click();

  // createUserBodySchema's rules, as the API would apply them.
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username).toHaveAccessibleDescription(/must not contain spaces/i);
  await expect(temporaryPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(temporaryPassword).toHaveAccessibleDescription(/at least 6 characters/i);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/international format/i);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/create`));

  // Fixing a field clears its message.
  await username.fill('no-space-here');
  await expect(username).not.toHaveAttribute('aria-invalid', 'true');
  expect(sent).toEqual([]);
});

test("the edit form checks the change it would send with the contract's schema", async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  const poolId = await demoPoolIdOf(page, request);
  await page.goto(poolUsersUrl(poolId));
  await page.getByRole('table', { name: 'Users' }).locator('tbody').getByRole('link').first().click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByText(/^Edit /)).toBeVisible();

  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/'))
      sent.push(`${request.method()} ${request.url()}`);
  });
  const email = page.getByRole('textbox', { name: 'Email', exact: true });
  await email.fill('not an email');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/email address/i);
  expect(sent).toEqual([]);
});

import { expect, operatorPassword, test } from '../support/fixtures';
import { totpCode } from '../support/totp';

/** The seeded operator enrolled in TOTP (README, Demo sign-in): support role, fixed demo secret. */
const totpOperator = { username: 'support-totp', secret: 'OBXW63DLMVSXAZLSFVXXAZLSMF2G64RB' };

test('an operator enrolled in TOTP signs in with SRP through the authenticator-code step', async ({
  page,
}) => {
  const bodies: string[] = [];
  const flows: string[] = [];
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    bodies.push(body);
    const target = request.headers()['x-amz-target'] ?? '';
    if (target.endsWith('.InitiateAuth')) flows.push(String(JSON.parse(body).AuthFlow));
  });

  await page.goto('/');
  await expect(page.getByLabel('Username')).toBeEditable({ timeout: 20_000 });
  await page.getByLabel('Username').fill(totpOperator.username);
  await page.getByLabel('Password').fill(operatorPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const code = page.getByLabel('Authentication code');
  await expect(code).toBeVisible();
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');

  // A wrong code: a plain message, still on the code step.
  const right = totpCode(totpOperator.secret, Date.now() + 30_000);
  await code.fill(right === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/that code is not right/i);
  await expect(code).toBeVisible();

  // The next step's code (the seed may have spent the current one; a code is good once).
  await code.fill(totpCode(totpOperator.secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByTestId('signed-in-username')).toHaveText(totpOperator.username);
  await expect(page.getByTestId('signed-in-roles')).toHaveText('support');

  expect(flows[0]).toBe('USER_SRP_AUTH');
  expect(bodies.some((body) => body.includes(operatorPassword))).toBe(false);
});

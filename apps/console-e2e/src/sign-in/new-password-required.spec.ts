import { awsJsonCall } from '@poolkeeper/contract';
import { expect, signInAs, test } from '../support/fixtures';

interface AuthConfig {
  userPoolId: string;
  clientId: string;
  endpoint: string;
}

/** Calls the local Cognito directly, as an operator's administrator would with the AWS CLI. */
async function cognito(config: AuthConfig, target: string, body: Record<string, unknown>): Promise<void> {
  const answer = await awsJsonCall(config.endpoint, target, body);
  expect(answer.status, `${target}: ${JSON.stringify(answer.body)}`).toBe(200);
}

test('a new operator with a temporary password chooses a new one and lands in the console', async ({
  page,
  request,
}) => {
  const config = (await (await request.get('/api/auth/config')).json()) as AuthConfig;
  const username = `e2e-operator-${Date.now().toString(36)}`;
  const temporaryPassword = 'Temp-Passw0rd!';
  const newPassword = 'Chosen-Passw0rd!';
  await cognito(config, 'AdminCreateUser', {
    UserPoolId: config.userPoolId,
    Username: username,
    TemporaryPassword: temporaryPassword,
    MessageAction: 'SUPPRESS',
  });
  await cognito(config, 'AdminAddUserToGroup', {
    UserPoolId: config.userPoolId,
    Username: username,
    GroupName: 'poolkeeper-support',
  });

  await signInAs(page, username, temporaryPassword);
  await expect(page.getByText('This is your first sign-in: choose a new password.')).toBeVisible();
  const newPasswordInput = page.getByLabel(/^New password/);
  await expect(newPasswordInput).toBeFocused();
  await newPasswordInput.fill(newPassword);
  await page.getByLabel(/^Confirm new password/).fill(`${newPassword}x`);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two new passwords do not match.');

  await page.getByLabel(/^Confirm new password/).fill(newPassword);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByTestId('signed-in-username')).toHaveText(username);
  await expect(page.getByTestId('signed-in-roles')).toHaveText('support');
  await expect(page.getByRole('menuitem', { name: 'Users' })).toBeVisible();
});

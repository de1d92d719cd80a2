import type { Page } from '@playwright/test';
import { awsErrorName, awsJsonCall } from '@poolkeeper/contract';
import { expect, operatorPassword, signInAs, test } from '../support/fixtures';

interface AuthConfig {
  clientId: string;
  endpoint: string;
}

const revokeTarget = 'AWSCognitoIdentityProviderService.RevokeToken';

async function signInFresh(page: Page): Promise<string> {
  // A session of its own (not the one other specs reuse): signing out revokes it.
  await signInAs(page, 'auditor', operatorPassword);
  await expect(page.getByTestId('signed-in-username')).toHaveText('auditor');
  return page.evaluate(() => {
    const raw = window.localStorage.getItem('poolkeeper.session');
    return raw ? (JSON.parse(raw) as { refreshToken: string }).refreshToken : '';
  });
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => window.localStorage.getItem('poolkeeper.session'))).toBeNull();
}

test('signing out revokes the refresh token: Cognito refuses to renew that session', async ({
  page,
  request,
}) => {
  const config = (await (await request.get('/api/auth/config')).json()) as AuthConfig;
  const refreshToken = await signInFresh(page);
  const revoke = page.waitForRequest(
    (sent) => sent.method() === 'POST' && sent.headers()['x-amz-target'] === revokeTarget,
  );
  await signOut(page);
  expect((await revoke).postDataJSON()).toEqual({ ClientId: config.clientId, Token: refreshToken });

  const renewed = await awsJsonCall(config.endpoint, 'InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: config.clientId,
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
  expect(renewed.status, JSON.stringify(renewed.body)).toBe(400);
  expect(awsErrorName(renewed.body)).toBe('NotAuthorizedException');
});

test('signing out still signs out when Cognito cannot be reached to revoke the token', async ({
  page,
  request,
}) => {
  const config = (await (await request.get('/api/auth/config')).json()) as AuthConfig;
  await signInFresh(page);
  let aborted = 0;
  await page.route(
    (url) => url.href.startsWith(config.endpoint),
    async (route) => {
      if (route.request().headers()['x-amz-target'] !== revokeTarget) return route.continue();
      aborted += 1;
      return route.abort('connectionrefused');
    },
  );
  await signOut(page);
  expect(aborted).toBe(1);
});

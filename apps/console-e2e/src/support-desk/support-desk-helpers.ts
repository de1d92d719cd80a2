import type { APIRequestContext, Page } from '@playwright/test';
import { awsJsonCall } from '@poolkeeper/contract';
import { expect } from '../support/fixtures';

interface AuthConfig {
  endpoint: string;
}

/**
 * A self-registered user of the demo pool who never confirmed (UNCONFIRMED), made with SignUp through one of
 * the pool's existing app clients without a secret, as an app's sign-up page would (no client is added).
 */
export async function signUpDemoUser(
  request: APIRequestContext,
  poolId: string,
  username: string,
  password: string,
): Promise<void> {
  const { endpoint } = (await (await request.get('/api/auth/config')).json()) as AuthConfig;
  const clients = await awsJsonCall(endpoint, 'ListUserPoolClients', { UserPoolId: poolId, MaxResults: 60 });
  expect(clients.status).toBe(200);
  let clientId: string | null = null;
  for (const { ClientId } of (clients.body as { UserPoolClients: Array<{ ClientId: string }> })
    .UserPoolClients) {
    const described = await awsJsonCall(endpoint, 'DescribeUserPoolClient', { UserPoolId: poolId, ClientId });
    if (!(described.body as { UserPoolClient: { ClientSecret?: string } }).UserPoolClient.ClientSecret) {
      clientId = ClientId;
      break;
    }
  }
  if (!clientId) throw new Error('the demo pool has no app client without a secret to sign up through');
  const signedUp = await awsJsonCall(endpoint, 'SignUp', {
    ClientId: clientId,
    Username: username,
    Password: password,
    UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
  });
  expect(signedUp.status, JSON.stringify(signedUp.body)).toBe(200);
}

/** Forgets the signed-in operator of this page, so that `signIn` can sign another role in through the form. */
export async function forgetSession(page: Page): Promise<void> {
  await page.goto('/api/health');
  await page.evaluate(() => window.localStorage.removeItem('poolkeeper.session'));
}

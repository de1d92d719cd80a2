import type { Page, Request } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const sessionKey = 'poolkeeper.session';

interface StoredSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

function isRefresh(sent: Request): boolean {
  if (sent.method() !== 'POST') return false;
  if (sent.headers()['x-amz-target'] !== 'AWSCognitoIdentityProviderService.InitiateAuth') return false;
  return (sent.postDataJSON() as { AuthFlow?: string }).AuthFlow === 'REFRESH_TOKEN_AUTH';
}

async function storedSession(page: Page): Promise<StoredSession> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), sessionKey);
  if (!raw) throw new Error('no session in the page storage');
  return JSON.parse(raw) as StoredSession;
}

async function editSession(page: Page, change: Partial<StoredSession>): Promise<void> {
  const session = { ...(await storedSession(page)), ...change };
  await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), {
    key: sessionKey,
    value: JSON.stringify(session),
  });
}

test('an access token about to expire is renewed before it is used', async ({ page, signIn }) => {
  await signIn('auditor');
  // Operator access tokens are short-lived: this one has 30 s left, less than the console's margin.
  const expiresAt = Date.now() + 30_000;
  await editSession(page, { expiresAt });
  const refreshed = page.waitForRequest(isRefresh);
  await page.reload();
  await refreshed;
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
  expect((await storedSession(page)).expiresAt).toBeGreaterThan(expiresAt + 60_000);
});

test('an access token the API refuses (401) is renewed once and the request retried', async ({
  page,
  signIn,
}) => {
  await signIn('auditor');
  await editSession(page, { accessToken: 'not-a-token', expiresAt: Date.now() + 10 * 60_000 });
  const refreshed = page.waitForRequest(isRefresh);
  await page.reload();
  await refreshed;
  await expect(page.getByTestId('signed-in-username')).toHaveText('auditor');
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
  expect((await storedSession(page)).accessToken).not.toBe('not-a-token');
});

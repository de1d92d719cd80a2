import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

/** Seeded operator accounts of the local stack (tools/stack prints the same). */
export const operatorPassword = 'Poolkeeper!2026';
export const demoPoolName = 'Acme Customers';
export type OperatorRole = 'admin' | 'support' | 'auditor';

export const test = base.extend<{ signIn: (role: OperatorRole) => Promise<void> }>({
  // Global setup learns the port only once the stack is up; read it here, in the worker.
  // Playwright reads a fixture's dependencies from the destructuring pattern: an empty one means "none".
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const baseUrl = process.env['POOLKEEPER_E2E_BASE_URL'];
    if (!baseUrl)
      throw new Error('POOLKEEPER_E2E_BASE_URL is not set: global setup did not start the stack.');
    await use(baseUrl);
  },
  signIn: async ({ page }, use) => {
    await use(async (role) => {
      await signInAs(page, role, operatorPassword);
      await expect(page.getByTestId('signed-in-username')).toHaveText(role);
    });
  },
});

export { expect };

export async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  // The first paint parses ~1 MB of JavaScript: allow for a busy machine.
  await expect(page.getByLabel('Username')).toBeEditable({ timeout: 20_000 });
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Selects the demo pool in the app bar's pool switcher. */
export async function chooseDemoPool(page: Page): Promise<void> {
  await page.getByLabel('Pool').selectOption({ label: demoPoolName });
}

/** The data rows (not the header row) of the table with the given accessible name. */
export function dataRows(page: Page, tableName: string) {
  return page.getByRole('table', { name: tableName }).locator('tbody').getByRole('row');
}

/** The access token the console keeps for the signed-in operator. */
export async function accessTokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const raw = window.localStorage.getItem('poolkeeper.session');
    return raw ? (JSON.parse(raw) as { accessToken?: string }).accessToken : undefined;
  });
  if (!token) throw new Error('no access token in the page storage: is the operator signed in?');
  return token;
}

type PoolList = Array<{ id: string; name: string }>;

export async function demoPoolId(request: APIRequestContext, token: string): Promise<string> {
  const response = await request.get('/api/pools', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as PoolList | { items: PoolList };
  const pools = Array.isArray(body) ? body : body.items;
  const pool = pools.find((candidate) => candidate.name === demoPoolName);
  if (!pool) throw new Error(`pool "${demoPoolName}" not found among ${pools.map((p) => p.name).join(', ')}`);
  return pool.id;
}

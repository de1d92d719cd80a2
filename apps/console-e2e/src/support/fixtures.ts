import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import type { Role } from '@poolkeeper/contract';

/** Seeded operator accounts of the local stack (tools/stack prints the same). */
export const operatorPassword = 'Poolkeeper!2026';
export const demoPoolName = 'Acme Customers';
export type OperatorRole = Role;

const sessionKey = 'poolkeeper.session';
/** Signed-in sessions by role, per worker: each role signs in through the form once. */
const sessions = new Map<OperatorRole, string>();

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
      const saved = sessions.get(role);
      if (saved) {
        // Reuse this worker's session of the role (the sign-in form itself has its own specs): store it
        // from a cheap same-origin page, then load the console once.
        await page.goto('/api/health');
        await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), {
          key: sessionKey,
          value: saved,
        });
        await page.goto('/');
      } else {
        await signInAs(page, role, operatorPassword);
      }
      await expect(page.getByTestId('signed-in-username')).toHaveText(role);
      // The console lands on the current pool's users (`#/` → `#/users` → `#/pools/<id>/users`): let it
      // arrive before a spec navigates, or the spec's navigation races the landing redirect.
      await expect(page).toHaveURL(/#\/pools\/[^/]+\/users$/);
      if (!saved) {
        const session = await page.evaluate((key) => window.localStorage.getItem(key), sessionKey);
        if (session) sessions.set(role, session);
      }
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

/** The app bar's pool switcher. */
export function poolSwitcher(page: Page) {
  return page.getByRole('combobox', { name: 'Pool', exact: true });
}

/** Selects the demo pool in the app bar's pool switcher. */
export async function chooseDemoPool(page: Page): Promise<void> {
  await poolSwitcher(page).selectOption({ label: demoPoolName });
}

/** The console's address of a pool's users, and of one user (see apps/console/src/common/paths.ts). */
export function poolUsersUrl(poolId: string): string {
  return `/#/pools/${encodeURIComponent(poolId)}/users`;
}

export function userUrl(poolId: string, username: string): string {
  return `${poolUsersUrl(poolId)}/${encodeURIComponent(username)}/show`;
}

/** Matches a page URL whose route (the part after `#`) is exactly `route`, such as `/pools/…/users`. */
export function routePattern(route: string): RegExp {
  const escaped = route.replace(/[.*+?^$()|[\]{}\\]/g, (char) => `\\${char}`);
  return new RegExp(`#${escaped}$`);
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

/** A username no other spec (or earlier run against the same stack) uses. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A password the demo pool's policy accepts. */
export const userPassword = 'E2e-Passw0rd!';

export interface NewUser {
  username: string;
  attributes?: Record<string, string>;
  /** The user then has status FORCE_CHANGE_PASSWORD. */
  temporaryPassword?: string;
  /** Set after creation: the user is then CONFIRMED. */
  permanentPassword?: string;
}

/**
 * Creates a user in the demo pool through the API as the operator signed in on `page`: specs that test
 * one screen arrange their own user quickly and never share it with another spec.
 */
export async function createDemoUser(page: Page, request: APIRequestContext, user: NewUser): Promise<void> {
  const token = await accessTokenOf(page);
  const poolId = await demoPoolId(request, token);
  const headers = { Authorization: `Bearer ${token}` };
  const base = `/api/pools/${encodeURIComponent(poolId)}/users`;
  const created = await request.post(base, {
    headers,
    data: {
      username: user.username,
      attributes: user.attributes ?? {},
      ...(user.temporaryPassword ? { temporaryPassword: user.temporaryPassword } : {}),
      delivery: 'suppress',
      deliveryMediums: ['EMAIL'],
      reason: 'e2e arrange',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  if (user.permanentPassword) {
    const set = await request.post(`${base}/${encodeURIComponent(user.username)}/password`, {
      headers,
      data: { password: user.permanentPassword, permanent: true },
    });
    expect(set.status(), await set.text()).toBe(204);
  }
}

/** The demo pool's id, asked of the API as the operator signed in on `page`. */
export async function demoPoolIdOf(page: Page, request: APIRequestContext): Promise<string> {
  return demoPoolId(request, await accessTokenOf(page));
}

/** Opens a demo-pool user's page directly, by its address (the pool is in the URL). */
export async function openDemoUser(page: Page, request: APIRequestContext, username: string): Promise<void> {
  await page.goto(userUrl(await demoPoolIdOf(page, request), username));
  await expect(page.getByText(`User ${username}`)).toBeVisible();
}

/** The value cell of one row of the user page's attribute table. */
export function attributeValue(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Attributes' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell');
}

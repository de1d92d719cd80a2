import type { APIRequestContext, Page } from '@playwright/test';
import { accessTokenOf, expect, userUrl } from '../support/fixtures';

/** A seeded Acme Customers user enrolled in TOTP: the seed signs them in (pass, mistyped password, MFA). */
export const USER_WITH_HISTORY = 'siobhan.obrien';
/** The seeded pool on the Essentials plan without threat protection. */
export const ESSENTIALS_POOL_NAME = 'Globex Partners';

export function historySection(page: Page) {
  return page.getByRole('region', { name: 'Sign-in history' });
}

export function historyRows(page: Page) {
  return page.getByRole('table', { name: 'Sign-in history' }).locator('tbody').getByRole('row');
}

async function poolIdNamed(request: APIRequestContext, token: string, name: string): Promise<string> {
  const response = await request.get('/api/pools', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as
    { items: Array<{ id: string; name: string }> } | Array<{ id: string; name: string }>;
  const pools = Array.isArray(body) ? body : body.items;
  const pool = pools.find((p) => p.name === name);
  if (!pool) throw new Error(`pool "${name}" not found`);
  return pool.id;
}

/** Opens the page of some user of the Essentials pool (read through the API as the signed-in operator). */
export async function openEssentialsUser(page: Page, request: APIRequestContext): Promise<string> {
  const token = await accessTokenOf(page);
  const poolId = await poolIdNamed(request, token, ESSENTIALS_POOL_NAME);
  const users = await request.get(`/api/pools/${encodeURIComponent(poolId)}/users?limit=1`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(users.status()).toBe(200);
  const username = ((await users.json()) as { items: Array<{ username: string }> }).items[0]!.username;
  await page.goto(userUrl(poolId, username));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`User ${username}`);
  return username;
}

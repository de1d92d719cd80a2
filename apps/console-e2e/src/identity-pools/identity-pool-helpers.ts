import type { APIRequestContext, Page } from '@playwright/test';
import { accessTokenOf, dataRows, expect } from '../support/fixtures';

export const CUSTOMERS = 'Acme Customers identity';
export const PARTNERS = 'Acme Partners identity';

/** The identity pool's id by name, asked of the API as the operator signed in on `page`. */
export async function identityPoolId(page: Page, request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get('/api/identity-pools', {
    headers: { Authorization: `Bearer ${await accessTokenOf(page)}` },
  });
  expect(res.status()).toBe(200);
  const pool = ((await res.json()) as { items: Array<{ id: string; name: string }> }).items.find(
    (p) => p.name === name,
  );
  if (!pool) throw new Error(`no identity pool "${name}"`);
  return pool.id;
}

/** Opens an identity pool from the menu and the list, as an operator would. */
export async function openIdentityPool(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Identity pools' }).click();
  await dataRows(page, 'Identity pools').filter({ hasText: name }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Identity pool ${name}`);
  await expect(page.getByRole('heading', { name: 'Roles and role mappings' })).toBeVisible();
}

type RolesBody = { roles: unknown; roleMappings: unknown };

/** The identity pool's roles and mappings now (to restore them after a spec changed them). */
export async function savedRoles(page: Page, request: APIRequestContext, id: string): Promise<RolesBody> {
  const res = await request.get(`/api/identity-pools/${encodeURIComponent(id)}/roles`, {
    headers: { Authorization: `Bearer ${await accessTokenOf(page)}` },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as RolesBody;
  return { roles: body.roles, roleMappings: body.roleMappings };
}

export async function restoreRoles(
  page: Page,
  request: APIRequestContext,
  id: string,
  body: RolesBody,
): Promise<void> {
  const res = await request.put(`/api/identity-pools/${encodeURIComponent(id)}/roles`, {
    headers: { Authorization: `Bearer ${await accessTokenOf(page)}` },
    data: { ...body, reason: 'e2e restore' },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** Asks the "which role" panel with these claims; returns the result heading. */
export async function askWithClaims(page: Page, claims: Record<string, unknown>) {
  const panel = page.getByRole('region', { name: 'Which role would I get?' });
  await panel.getByRole('radio', { name: 'Claims (JSON)' }).check();
  await panel.getByRole('textbox', { name: 'Claims' }).fill(JSON.stringify(claims));
  await panel.getByRole('button', { name: 'Which role?' }).click();
  return page.getByTestId('which-role-result');
}

import type { APIRequestContext, Page } from '@playwright/test';
import { accessTokenOf, dataRows, demoPoolIdOf, expect } from '../support/fixtures';

/** The demo pool's seeded providers (libs/cognito-emulator/src/seed/federation.ts). */
export const SEEDED_SAML = 'AcmeSaml';
export const SEEDED_OIDC = 'AcmeOidc';
export const SEEDED_SAML_ENTITY_ID = 'https://idp.acme.example/saml/metadata';
export const DEMO_WEB_CLIENT = 'acme-web';

/** A provider name no other spec (or earlier run) uses: 1..32 characters, no underscore. */
export function uniqueProviderName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.slice(0, 32);
}

/** Opens the current pool's identity providers from the menu, as an operator would. */
export async function openProviders(page: Page): Promise<void> {
  // Just signed in: let the users list (the landing page) finish rendering before using the menu.
  if (/#\/pools\/[^/]+\/users$/.test(page.url()))
    await expect(dataRows(page, 'Users').first()).toBeVisible({ timeout: 45_000 });
  await page.getByRole('menuitem', { name: 'Identity providers' }).click({ timeout: 30_000 });
  await expect(page).toHaveURL(/#\/pools\/[^/]+\/identity-providers$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Identity providers · /);
  await expect(dataRows(page, 'Identity providers').first()).toBeVisible();
}

/** Opens one provider from the list. */
export async function openProvider(page: Page, name: string): Promise<void> {
  await openProviders(page);
  await dataRows(page, 'Identity providers').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Identity provider ${name}`);
}

/** The provider's address in the demo pool. */
export async function providerUrl(page: Page, request: APIRequestContext, name: string): Promise<string> {
  const poolId = await demoPoolIdOf(page, request);
  return `/#/pools/${encodeURIComponent(poolId)}/identity-providers/${encodeURIComponent(name)}/show`;
}

/** Deletes a provider a spec created (through the API, best effort: the spec's own cleanup). */
export async function deleteProvider(page: Page, request: APIRequestContext, name: string): Promise<void> {
  const poolId = await demoPoolIdOf(page, request);
  await request.delete(
    `/api/pools/${encodeURIComponent(poolId)}/identity-providers/${encodeURIComponent(name)}`,
    { headers: { Authorization: `Bearer ${await accessTokenOf(page)}` }, data: { reason: 'e2e cleanup' } },
  );
}

/** Records every API request's method, path and body, and every 403. */
export function recordApi(page: Page) {
  const requests: Array<{ method: string; path: string; body: string }> = [];
  const forbidden: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/'))
      requests.push({ method: request.method(), path: url.pathname, body: request.postData() ?? '' });
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() === 403)
      forbidden.push(`${response.request().method()} ${url.pathname}`);
  });
  return { requests, forbidden };
}

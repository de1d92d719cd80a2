import { dataRows, demoPoolIdOf, expect, test } from '../support/fixtures';
import { DEMO_WEB_CLIENT, SEEDED_OIDC, SEEDED_SAML, openProvider, recordApi } from './idp-helpers';

/**
 * Support and auditor read identity providers: the list (type, identifiers, app clients using each) and a
 * provider's page, with no control to add, edit, delete or change app clients, and no request answered 403.
 */
for (const role of ['support', 'auditor'] as const) {
  test(`${role} sees identity providers read-only`, async ({ page, request, signIn }) => {
    test.setTimeout(240_000); // on a shared machine
    const api = recordApi(page);
    await signIn(role);
    await openProvider(page, SEEDED_OIDC);
    await expect(page.getByTestId('secret-client_secret')).toHaveText('Set (write-only: never shown)');
    await expect(page.getByRole('table', { name: 'Attribute mapping' })).toContainText('given_name');
    await expect(page.getByRole('list', { name: 'App clients using this provider' })).toContainText(
      DEMO_WEB_CLIENT,
    );
    for (const name of ['Delete', 'Save app clients'])
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);

    await page.getByRole('link', { name: 'Back to identity providers' }).click();
    const saml = dataRows(page, 'Identity providers').filter({ hasText: SEEDED_SAML });
    await expect(saml).toContainText('SAML');
    await expect(saml).toContainText('acme.example');
    await expect(saml).toContainText(DEMO_WEB_CLIENT);
    await expect(page.getByRole('link', { name: 'Add provider' })).toHaveCount(0);

    // The create page, reached by its address, says the role may not use it (and asks nothing).
    const poolId = await demoPoolIdOf(page, request);
    await page.goto(`/#/pools/${encodeURIComponent(poolId)}/identity-providers/create`);
    await expect(page.getByText('Your role is not allowed to open this page')).toBeVisible();
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(api.forbidden).toEqual([]);
  });
}

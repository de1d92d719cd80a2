import { expect, test } from '../support/fixtures';
import { CUSTOMERS, askWithClaims, openIdentityPool } from './identity-pool-helpers';

/** Support and auditor read identity pools: no edit controls, no request answered 403, "which role" works. */
for (const role of ['support', 'auditor'] as const) {
  test(`${role} sees the identity pool read-only and asks which role`, async ({ page, signIn }) => {
    const forbidden: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/') && response.status() === 403)
        forbidden.push(`${response.request().method()} ${url.pathname}`);
    });
    await signIn(role);
    await openIdentityPool(page, CUSTOMERS);
    await expect(page.getByTestId('guest-access')).toHaveText('On');
    await expect(page.getByRole('listitem', { name: 'Rule 1' })).toContainText('custom:plan');
    await expect(
      page.getByRole('listitem', { name: 'Rule 1' }).getByText(/users can change themselves/),
    ).toBeVisible();
    for (const name of ['Edit settings', 'Save roles and mappings', 'Add rule', 'Move rule 2 up'])
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Authenticated role' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Claim', exact: true })).toHaveCount(0);
    await expect(await askWithClaims(page, { 'custom:plan': 'basic' })).toHaveText(
      'Role: acme-customers-authenticated',
    );
    // A user of the linked pool: their attributes and groups are the claims.
    const panel = page.getByRole('region', { name: 'Which role would I get?' });
    await panel.getByRole('radio', { name: /A user of/ }).check();
    await panel.getByRole('combobox', { name: 'User' }).click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await panel.getByRole('button', { name: 'Which role?' }).click();
    await expect(page.getByLabel('Claims evaluated')).toContainText('cognito:username');
    expect(forbidden).toEqual([]);
  });
}

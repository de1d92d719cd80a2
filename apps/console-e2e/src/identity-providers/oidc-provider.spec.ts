import { accessTokenOf, dataRows, expect, test } from '../support/fixtures';
import { deleteProvider, openProviders, recordApi, uniqueProviderName } from './idp-helpers';

/**
 * Admin adds an OIDC provider with a client secret and two mapped attributes. The secret is write-only: it
 * never comes back (not on the provider page, not in the edit form, not in any API answer); editing
 * without typing it again keeps it (the edit request carries no secret and succeeds), and the audit log
 * never holds it.
 */
test('admin adds an OIDC provider (the secret is never shown again), maps two attributes, edits it keeping the secret', async ({
  page,
  request,
  signIn,
}) => {
  test.setTimeout(240_000); // many steps, on a shared machine
  const name = uniqueProviderName('E2eOidc');
  const secret = `e2e-secret-${Date.now().toString(36)}`;
  const answers: string[] = [];
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/') && response.request().method() !== 'OPTIONS')
      answers.push(await response.text().catch(() => ''));
  });
  const api = recordApi(page);
  await signIn('admin');
  try {
    await openProviders(page);
    await page.getByRole('link', { name: 'Add provider' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Add an identity provider to /);

    // OIDC is the default type.
    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await page.getByRole('textbox', { name: 'Client id' }).fill('e2e-portal');
    await page.getByLabel('Client secret').fill(secret);
    await page.getByRole('textbox', { name: 'Issuer URL' }).fill('https://login.e2e-partners.example');
    await page.getByRole('textbox', { name: 'Authorized scopes' }).fill('openid email');

    const addRow = page.getByRole('button', { name: 'Add', exact: true });
    for (const [index, [attribute, claim]] of [
      ['email', 'mail'],
      ['given_name', 'first_name'],
    ].entries()) {
      await addRow.click();
      const pick = page.getByRole('combobox', { name: 'User pool attribute' }).nth(index);
      await pick.fill(attribute as string);
      await page.getByRole('option', { name: attribute as string, exact: true }).click();
      await page
        .getByRole('textbox', { name: 'Provider claim' })
        .nth(index)
        .fill(claim as string);
    }
    await page.getByLabel('Reason (optional)').fill('e2e: partner portal');
    await page.getByRole('button', { name: 'Add provider' }).click();

    // The provider page: mapping shown, the secret only as "set".
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Identity provider ${name}`);
    const mapping = page.getByRole('table', { name: 'Attribute mapping' });
    await expect(mapping.getByRole('row', { name: 'email mail' })).toBeVisible();
    await expect(mapping.getByRole('row', { name: 'given_name first_name' })).toBeVisible();
    await expect(page.getByTestId('secret-client_secret')).toHaveText('Set (write-only: never shown)');
    await expect(page.getByText(secret)).toHaveCount(0);

    const created = api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/identity-providers'));
    expect(JSON.parse(created?.body ?? '{}')).toMatchObject({
      name,
      type: 'OIDC',
      details: { client_secret: secret, client_id: 'e2e-portal' },
      attributeMapping: { email: 'mail', given_name: 'first_name' },
      reason: 'e2e: partner portal',
    });

    // Reopen from the list, then the edit form: the mappings are there, the secret input is empty.
    await openProviders(page);
    await dataRows(page, 'Identity providers').getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Identity provider ${name}`);
    await expect(page.getByRole('table', { name: 'Attribute mapping' }).getByRole('row')).toHaveCount(3);
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
    const secretInput = page.getByLabel('Client secret (leave blank to keep)');
    await expect(secretInput).toHaveValue('');
    await expect(page.getByText('Write-only: leave blank to keep the current value.')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'User pool attribute' }).nth(0)).toHaveValue('email');
    await expect(page.getByRole('textbox', { name: 'Provider claim' }).nth(0)).toHaveValue('mail');
    await expect(page.getByRole('combobox', { name: 'User pool attribute' }).nth(1)).toHaveValue(
      'given_name',
    );
    await expect(page.getByRole('textbox', { name: 'Provider claim' }).nth(1)).toHaveValue('first_name');

    // Edit without re-entering the secret.
    await page.getByRole('textbox', { name: 'Authorized scopes' }).fill('openid email profile');
    await page.getByLabel('Reason (optional)').fill('e2e: profile scope');
    const patched = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/identity-providers/'),
    );
    await page.getByRole('button', { name: 'Save changes' }).click();
    const patch = await patched;
    expect(patch.status()).toBe(200);
    expect(JSON.parse(patch.request().postData() ?? '{}')).toEqual({
      details: { authorize_scopes: 'openid email profile' },
      reason: 'e2e: profile scope',
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Identity provider ${name}`);
    await expect(page.getByTestId('secret-client_secret')).toHaveText('Set (write-only: never shown)');
    await expect(
      page
        .getByRole('table', { name: 'Provider settings' })
        .getByRole('row', { name: /openid email profile/ }),
    ).toBeVisible();

    // No answer of the API ever carried the secret; the audit log does not hold it either.
    expect(answers.filter((text) => text.includes(secret))).toEqual([]);
    const headers = { Authorization: `Bearer ${await accessTokenOf(page)}` };
    const events = await request.get(
      `/api/audit-events?action=identity-provider.*&target=${encodeURIComponent(name)}&limit=20`,
      { headers },
    );
    expect(events.status()).toBe(200);
    const text = await events.text();
    expect(text).not.toContain(secret);
    const items = (JSON.parse(text) as { items: Array<Record<string, unknown>> }).items;
    expect(items.map((e) => `${String(e['action'])} ${String(e['outcome'])}`)).toEqual(
      expect.arrayContaining(['identity-provider.create succeeded', 'identity-provider.update succeeded']),
    );
    const update = items.find((e) => e['action'] === 'identity-provider.update');
    expect(update).toMatchObject({ reason: 'e2e: profile scope', request: { secretsChanged: [] } });
    expect(api.forbidden).toEqual([]);
  } finally {
    await deleteProvider(page, request, name);
  }
});

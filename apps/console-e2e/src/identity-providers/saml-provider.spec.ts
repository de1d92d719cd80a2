import { expect, test } from '../support/fixtures';
import {
  SEEDED_SAML,
  SEEDED_SAML_ENTITY_ID,
  deleteProvider,
  openProvider,
  openProviders,
  uniqueProviderName,
} from './idp-helpers';

const certificates = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'Certificates' }).locator('tbody').getByRole('row');

/** The seeded SAML provider shows what its metadata says: entity id, certificate and its expiry. */
test('the SAML provider page shows the entity id and the certificate expiry', async ({ page, signIn }) => {
  test.setTimeout(240_000); // many steps, on a shared machine
  await signIn('admin');
  await openProvider(page, SEEDED_SAML);
  await expect(page.getByTestId('saml-entity-id')).toHaveText(SEEDED_SAML_ENTITY_ID);
  const row = certificates(page).first();
  await expect(row).toContainText('CN=idp.acme.example');
  await expect(row.locator('time')).toHaveAttribute('dateTime', '2036-11-29T14:07:46.000Z');
  await expect(row).toContainText('Valid');
});

/**
 * Admin adds a SAML provider by uploading its metadata file: the form previews the entity id and the
 * certificate before saving; then deletes it after typing its name.
 */
test('admin uploads SAML metadata (previewed), saves, then deletes the provider typing its name', async ({
  page,
  request,
  signIn,
}) => {
  test.setTimeout(240_000); // many steps, on a shared machine
  const name = uniqueProviderName('E2eSaml');
  const entityId = `https://idp.${name.toLowerCase()}.example/metadata`;
  await signIn('admin');
  try {
    await openProviders(page);
    // Take the seeded provider's metadata as the uploaded file, with an entity id of its own.
    const metadata = await page.evaluate(async (provider) => {
      const raw = window.localStorage.getItem('poolkeeper.session');
      const token = raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : '';
      const poolId = decodeURIComponent(window.location.hash.split('/')[2] ?? '');
      const res = await fetch(
        `/api/pools/${encodeURIComponent(poolId)}/identity-providers/${encodeURIComponent(provider)}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      return ((await res.json()) as { details: Record<string, string> }).details['MetadataFile'] ?? '';
    }, SEEDED_SAML);
    expect(metadata).toContain('EntityDescriptor');

    await page.getByRole('link', { name: 'Add provider' }).click();
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'SAML', exact: true }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await page.getByLabel('SAML metadata file').setInputFiles({
      name: 'metadata.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(metadata.replace(SEEDED_SAML_ENTITY_ID, entityId)),
    });
    await expect(page.getByTestId('saml-entity-id')).toHaveText(entityId);
    await expect(certificates(page).first()).toContainText('CN=idp.acme.example');
    await page.getByRole('button', { name: 'Add provider' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Identity provider ${name}`);
    await expect(page.getByTestId('saml-entity-id')).toHaveText(entityId);
    await expect(certificates(page).first().locator('time')).toHaveAttribute(
      'dateTime',
      '2036-11-29T14:07:46.000Z',
    );

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete provider' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
    await dialog.getByLabel('Reason (optional)').fill('e2e: done with it');
    await confirm.click();
    await expect(page).toHaveURL(/#\/pools\/[^/]+\/identity-providers$/);
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  } finally {
    await deleteProvider(page, request, name);
  }
});

import { expect, poolSwitcher, test } from '../support/fixtures';
import { openProviders } from './idp-helpers';

/**
 * Identity providers belong to their pool: switching the pool on the providers list shows the other pool's
 * providers (the seeded "Globex Partners" has none: the empty state says so), and `#/identity-providers`
 * opens the current pool's.
 */
test('the pool switcher on identity providers leads to the other pool’s providers (empty state)', async ({
  page,
  signIn,
}) => {
  test.setTimeout(240_000); // on a shared machine
  await signIn('support');
  await openProviders(page);
  await poolSwitcher(page).selectOption({ label: 'Globex Partners' });
  await expect(page).toHaveURL(/#\/pools\/[^/]+\/identity-providers$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identity providers · Globex Partners');
  await expect(page.getByText('Globex Partners has no identity providers yet.')).toBeVisible();
  // Support may not add one: the empty state offers no button.
  await expect(page.getByRole('link', { name: 'Add provider' })).toHaveCount(0);

  await page.goto('/#/identity-providers');
  await expect(page).toHaveURL(/#\/pools\/[^/]+\/identity-providers$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identity providers · Globex Partners');
});

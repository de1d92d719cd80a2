import { expect, test } from '../support/fixtures';
import { PARTNERS, identityPoolId, openIdentityPool } from './identity-pool-helpers';

/**
 * The IAM role picker searches ListRoles; picking a role whose trust policy does not let
 * cognito-identity.amazonaws.com assume it for this pool (acme-legacy-untrusted, an EC2 role) shows the
 * warning and the trust policy that fixes it. Nothing is saved.
 */
test('a role without the right trust policy shows the warning with the fix as JSON', async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  const id = await identityPoolId(page, request, PARTNERS);
  await openIdentityPool(page, PARTNERS);
  const picker = page.getByRole('combobox', { name: 'Authenticated role' });
  await picker.click();
  await picker.fill('legacy');
  const option = page.getByRole('listbox').getByRole('option', { name: /acme-legacy-untrusted/ });
  await expect(option).toContainText('Not trusted');
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await option.click();
  const warning = page.getByRole('alert').filter({ hasText: 'The role does not trust this identity pool' });
  await expect(warning).toContainText('acme-legacy-untrusted');
  const policy = JSON.parse(
    (await warning.getByLabel('Trust policy that fixes it').textContent()) ?? '{}',
  ) as { Statement: Array<{ Principal: unknown; Condition: Record<string, Record<string, unknown>> }> };
  expect(policy.Statement[0]!.Principal).toEqual({ Federated: 'cognito-identity.amazonaws.com' });
  expect(policy.Statement[0]!.Condition['StringEquals']!['cognito-identity.amazonaws.com:aud']).toBe(id);
  expect(
    policy.Statement[0]!.Condition['ForAnyValue:StringLike']!['cognito-identity.amazonaws.com:amr'],
  ).toBe('authenticated');
  await expect(warning.getByRole('button', { name: 'Copy policy' })).toBeVisible();

  // A trusted role clears it.
  await picker.click();
  await picker.fill('enterprise');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /acme-enterprise/ })
    .click();
  await expect(warning).toHaveCount(0);
  await page.getByRole('button', { name: 'Discard changes' }).click();
});

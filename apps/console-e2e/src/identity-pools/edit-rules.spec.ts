import { expect, test } from '../support/fixtures';
import {
  CUSTOMERS,
  askWithClaims,
  identityPoolId,
  openIdentityPool,
  restoreRoles,
  savedRoles,
} from './identity-pool-helpers';

/**
 * Admin edits the customers identity pool's Rules mapping (reorders with the keyboard, edits a value),
 * saves with a reason, and the "which role would I get?" answer follows each save (it is about the saved
 * mappings). The mapping is put back as it was afterwards, whatever happened.
 */
test('admin reorders and edits rules; the which-role answer changes after each save', async ({
  page,
  request,
  signIn,
}) => {
  test.slow();
  await signIn('admin');
  const id = await identityPoolId(page, request, CUSTOMERS);
  const before = await savedRoles(page, request, id);
  try {
    await openIdentityPool(page, CUSTOMERS);
    const rule = (n: number) => page.getByRole('listitem', { name: `Rule ${n}` });
    // The seeded rule on custom:plan: an attribute users may change themselves (the API's warning).
    await expect(rule(1).getByText(/users can change themselves/)).toBeVisible();
    await expect(rule(1).getByLabel('Claim', { exact: true })).toHaveValue('custom:plan');

    const claims = { 'custom:plan': 'enterprise', 'cognito:groups': ['support-escalations'] };
    await expect(await askWithClaims(page, claims)).toHaveText('Role: acme-enterprise');
    const evaluated = page.getByRole('table', { name: 'Rules evaluated' });
    await expect(evaluated.getByRole('row').nth(2)).toContainText('Not evaluated');

    // Reorder with the keyboard: the group rule goes first; focus stays with the moved rule.
    await rule(2).getByRole('button', { name: 'Move rule 2 up' }).focus();
    await page.keyboard.press('Enter');
    await expect(rule(1).getByLabel('Claim', { exact: true })).toHaveValue('cognito:groups');
    await expect(page.getByRole('button', { name: 'Move rule 1 down' })).toBeFocused();
    await expect(page.getByText(/Unsaved changes/)).toBeVisible();

    await page.getByRole('button', { name: 'Save roles and mappings' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason (optional)').fill('e2e: support escalations first');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('which-role-result')).toHaveText('Role: acme-support-readonly');
    await expect(evaluated.getByRole('row').nth(1)).toContainText('Matches');

    // Edit the first rule's value: it no longer matches, so the plan rule decides again.
    await rule(1).getByLabel('Value', { exact: true }).fill('support-tier-2');
    await page.getByRole('button', { name: 'Save roles and mappings' }).click();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('which-role-result')).toHaveText('Role: acme-enterprise');
    await expect(evaluated.getByRole('row').nth(1)).toContainText('No match');

    // A rule left incomplete is refused by the contract's schema before anything is sent.
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('button', { name: 'Save roles and mappings' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(rule(3).getByText('Required').first()).toBeVisible();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(rule(3)).toHaveCount(0);
  } finally {
    await restoreRoles(page, request, id, before);
  }
});

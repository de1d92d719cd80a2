import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from '../support/axe';
import {
  createDemoUser,
  dataRows,
  demoPoolIdOf,
  expect,
  test,
  uniqueUsername,
  userPassword,
  userUrl,
} from '../support/fixtures';
import { addDemoMember, createDemoGroup, groupUrl, roleArn, uniqueGroupName } from '../groups/group-helpers';
import {
  CUSTOMERS,
  PARTNERS,
  askWithClaims,
  openIdentityPool,
} from '../identity-pools/identity-pool-helpers';
import {
  USER_WITH_HISTORY,
  historyRows,
  historySection,
  openEssentialsUser,
} from '../sign-in-history/sign-in-history-helpers';
import { SEEDED_OIDC, SEEDED_SAML, openProvider, openProviders } from '../identity-providers/idp-helpers';

/** Waits until MUI's fade-in is over: axe measures colours as painted, mid-animation they are paler. */
async function settledDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(page.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
  return dialog;
}

async function usersList(page: Page) {
  await expect(dataRows(page, 'Users').first()).toBeVisible();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe-core on every screen, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('sign-in', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByLabel('Username')).toBeEditable({ timeout: 20_000 });
      await expectNoSeriousViolations(page, `sign-in (${colorScheme})`);
    });

    // support desk (issue 6): the invite's one-time temporary password and a support action's dialog
    test('admin: invite temporary password dialog, resend invitation dialog', async ({ page, signIn }) => {
      await signIn('admin');
      await usersList(page);
      await page.getByRole('link', { name: 'Invite user' }).click();
      const username = uniqueUsername('e2e-axe-temp');
      await page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${username}@example.com`);
      await page.getByRole('button', { name: 'Invite user' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `invite temporary password dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Done, go to the user' }).click();
      await page.getByRole('button', { name: 'Resend invitation' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `resend invitation dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
    });

    test('admin: users list, user page, its dialog, invite, edit, audit log', async ({
      page,
      request,
      signIn,
    }) => {
      test.slow(); // eight screens in one go
      await signIn('admin');
      const username = uniqueUsername('e2e-axe');
      // A user in FORCE_CHANGE_PASSWORD: its status chip is the orange one.
      await createDemoUser(page, request, {
        username,
        attributes: { email: `${username}@example.com` },
        temporaryPassword: userPassword,
      });
      await usersList(page);
      await expectNoSeriousViolations(page, `users list, admin (${colorScheme})`);

      await page.goto(userUrl(await demoPoolIdOf(page, request), username));
      await expect(page.getByText('Force change password')).toBeVisible();
      await expectNoSeriousViolations(page, `user page, admin (${colorScheme})`);

      await page.getByRole('button', { name: 'Reset password' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `reset-password dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('button', { name: 'Delete' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `delete dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('link', { name: 'Edit' }).click();
      await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
      await expectNoSeriousViolations(page, `user edit (${colorScheme})`);

      await page.goto(
        `${userUrl(await demoPoolIdOf(page, request), username).replace(/\/[^/]+\/show$/, '')}/create`,
      );
      await expect(page.getByRole('button', { name: 'Invite user' })).toBeVisible();
      await expectNoSeriousViolations(page, `user create (${colorScheme})`);

      await page.goto('/#/audit-events');
      await expect(dataRows(page, 'Audit events').first()).toBeVisible();
      await expectNoSeriousViolations(page, `audit log (${colorScheme})`);
    });

    test('admin: identity pools list, identity pool page, its dialogs, trust warning, which-role answer', async ({
      page,
      signIn,
    }) => {
      test.slow();
      await signIn('admin');
      await page.getByRole('menuitem', { name: 'Identity pools' }).click();
      await expect(dataRows(page, 'Identity pools').first()).toBeVisible();
      await expectNoSeriousViolations(page, `identity pools list (${colorScheme})`);

      await openIdentityPool(page, CUSTOMERS);
      await expect(await askWithClaims(page, { 'custom:plan': 'enterprise' })).toHaveText(
        'Role: acme-enterprise',
      );
      await expectNoSeriousViolations(page, `identity pool page, admin (${colorScheme})`);

      await page.getByRole('button', { name: 'Edit settings' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `identity pool settings dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('button', { name: 'Move rule 2 up' }).click();
      await page.getByRole('button', { name: 'Save roles and mappings' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `save roles dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await page.getByRole('button', { name: 'Discard changes' }).click();

      await openIdentityPool(page, PARTNERS);
      const picker = page.getByRole('combobox', { name: 'Authenticated role' });
      await picker.click();
      await picker.fill('legacy');
      await page
        .getByRole('listbox')
        .getByRole('option', { name: /acme-legacy-untrusted/ })
        .click();
      await expect(page.getByLabel('Trust policy that fixes it')).toBeVisible();
      await expectNoSeriousViolations(page, `trust-policy warning (${colorScheme})`);
      await page.getByRole('button', { name: 'Discard changes' }).click();
    });

    test('admin: identity providers list, SAML and OIDC pages, delete dialog, add, edit', async ({
      page,
      signIn,
    }) => {
      test.setTimeout(240_000); // seven screens in one go, on a shared machine
      await signIn('admin');
      await openProviders(page);
      await expectNoSeriousViolations(page, `identity providers list (${colorScheme})`);

      await openProvider(page, SEEDED_SAML);
      await expect(page.getByTestId('saml-entity-id')).toBeVisible();
      await expect(page.getByRole('checkbox').first()).toBeVisible();
      await expectNoSeriousViolations(page, `SAML provider page, admin (${colorScheme})`);

      await page.getByRole('button', { name: 'Delete' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `provider delete dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('link', { name: 'Edit' }).click();
      await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
      await expect(page.getByTestId('saml-entity-id')).toBeVisible();
      await expectNoSeriousViolations(page, `SAML provider edit (${colorScheme})`);

      await openProvider(page, SEEDED_OIDC);
      await expectNoSeriousViolations(page, `OIDC provider page, admin (${colorScheme})`);
      await page.getByRole('link', { name: 'Edit' }).click();
      await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
      await expectNoSeriousViolations(page, `OIDC provider edit (${colorScheme})`);

      await openProviders(page);
      await page.getByRole('link', { name: 'Add provider' }).click();
      await expect(page.getByRole('button', { name: 'Add provider' })).toBeVisible();
      await expectNoSeriousViolations(page, `identity provider create (${colorScheme})`);
    });

    test('support: identity provider page (read-only)', async ({ page, signIn }) => {
      test.slow();
      await signIn('support');
      await openProvider(page, SEEDED_SAML);
      await expect(page.getByTestId('saml-entity-id')).toBeVisible();
      await expectNoSeriousViolations(page, `SAML provider page, support (${colorScheme})`);
    });

    test('support: identity pool page (read-only)', async ({ page, signIn }) => {
      await signIn('support');
      await openIdentityPool(page, CUSTOMERS);
      await expect(await askWithClaims(page, { 'custom:plan': 'basic' })).toHaveText(
        'Role: acme-customers-authenticated',
      );
      await expectNoSeriousViolations(page, `identity pool page, support (${colorScheme})`);
    });

    test('support: sign-in history, and a pool without threat protection', async ({
      page,
      request,
      signIn,
    }) => {
      test.slow();
      await signIn('support');
      await page.goto(userUrl(await demoPoolIdOf(page, request), USER_WITH_HISTORY));
      await expect(historyRows(page).first()).toBeVisible();
      await expectNoSeriousViolations(page, `sign-in history (${colorScheme})`);
      await openEssentialsUser(page, request);
      await expect(historySection(page).getByText('This pool does not record sign-in history')).toBeVisible();
      await expectNoSeriousViolations(page, `sign-in history unavailable (${colorScheme})`);
    });

    test('support: users list and user page', async ({ page, request, signIn }) => {
      await signIn('support');
      await usersList(page);
      await expectNoSeriousViolations(page, `users list, support (${colorScheme})`);
      const first = dataRows(page, 'Users').first().getByRole('link');
      const username = (await first.textContent()) ?? '';
      await page.goto(userUrl(await demoPoolIdOf(page, request), username));
      await expect(page.getByText(`User ${username}`)).toBeVisible();
      await expectNoSeriousViolations(page, `user page, support (${colorScheme})`);
    });

    test('admin: groups list, group page, its dialogs, group create and edit, user page groups', async ({
      page,
      request,
      signIn,
    }) => {
      test.setTimeout(180_000); // ten screens and dialogs, each measured by axe
      await signIn('admin');
      const poolId = await demoPoolIdOf(page, request);
      const groupName = uniqueGroupName('e2e-axe-group');
      const username = uniqueUsername('e2e-axe-member');
      await createDemoUser(page, request, { username });
      await createDemoGroup(page, request, { groupName, precedence: 2, roleArn: roleArn('e2e-axe') });
      await addDemoMember(page, request, groupName, username);

      await page.getByRole('menuitem', { name: 'Groups' }).click();
      await expect(dataRows(page, 'Groups').first()).toBeVisible();
      await expectNoSeriousViolations(page, `groups list, admin (${colorScheme})`);

      await page.goto(groupUrl(poolId, groupName));
      await expect(dataRows(page, 'Members')).toHaveCount(1);
      await expectNoSeriousViolations(page, `group page, admin (${colorScheme})`);

      await page.getByRole('button', { name: 'Add member' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `add-member dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('button', { name: `Remove ${username} from the group` }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `remove-member dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('button', { name: 'Delete group' }).click();
      const dialog = await settledDialog(page);
      await expect(dialog.getByText(/It has 1 member/)).toBeVisible();
      await expectNoSeriousViolations(page, `delete-group dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('link', { name: 'Edit group' }).click();
      await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
      await expectNoSeriousViolations(page, `group edit (${colorScheme})`);

      await page.goto(groupUrl(poolId, groupName).replace(/\/[^/]+\/show$/, '/create'));
      await expect(page.getByRole('button', { name: 'Create group' })).toBeVisible();
      await expectNoSeriousViolations(page, `group create (${colorScheme})`);

      await page.goto(userUrl(poolId, username));
      const section = page.getByRole('region', { name: 'Groups and token roles' });
      await expect(section.getByRole('link', { name: groupName })).toBeVisible();
      await expectNoSeriousViolations(page, `user page groups section, admin (${colorScheme})`);
      await section.getByRole('button', { name: 'Add to group' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `add-to-group dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
    });

    test('support: groups list and group page (read-only)', async ({ page, request, signIn }) => {
      test.slow(); // three screens on a shared machine
      await signIn('support');
      await page.getByRole('menuitem', { name: 'Groups' }).click();
      await expect(dataRows(page, 'Groups').first()).toBeVisible();
      await expectNoSeriousViolations(page, `groups list, support (${colorScheme})`);
      await page.goto(groupUrl(await demoPoolIdOf(page, request), 'beta-testers'));
      await expect(dataRows(page, 'Members').first()).toBeVisible();
      await expectNoSeriousViolations(page, `group page, support (${colorScheme})`);
    });

    test('MFA: pool MFA settings (admin with its confirmation; auditor read-only), reset-MFA dialog', async ({
      page,
      request,
      signIn,
    }) => {
      test.setTimeout(180_000); // two roles, five screens; 90 s was too short on a busy machine
      await signIn('admin');
      const poolId = await demoPoolIdOf(page, request);
      // A seeded TOTP user (README, Demo MFA): the dialog is opened and cancelled, nothing changes.
      await page.goto(userUrl(poolId, 'sam.lee'));
      const panel = page.getByRole('region', { name: 'Multi-factor authentication' });
      await expect(panel.getByTestId('mfa-factors')).toHaveText('Authenticator app (TOTP)');
      await panel.getByRole('button', { name: 'Reset MFA' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `reset-MFA dialog (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('menuitem', { name: 'MFA settings' }).click();
      await expect(page.getByRole('heading', { level: 1, name: /^MFA settings/ })).toBeVisible();
      await page.getByRole('radio', { name: 'Required' }).check();
      await expect(page.getByTestId('mfa-effects')).toContainText('MFA setup');
      await expectNoSeriousViolations(page, `pool MFA settings, admin (${colorScheme})`);
      await page.getByRole('button', { name: 'Save MFA settings' }).click();
      await settledDialog(page);
      await expectNoSeriousViolations(page, `pool MFA settings confirmation (${colorScheme})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await page.getByRole('button', { name: 'Undo changes' }).click();

      await page.evaluate(() => window.localStorage.removeItem('poolkeeper.session'));
      await signIn('auditor');
      await page.goto(`/#/pools/${encodeURIComponent(poolId)}/mfa`);
      await expect(page.getByText('you see them read-only')).toBeVisible();
      await expectNoSeriousViolations(page, `pool MFA settings, auditor (${colorScheme})`);
    });

    test('auditor: users list, user page, audit log', async ({ page, request, signIn }) => {
      await signIn('auditor');
      await usersList(page);
      await expectNoSeriousViolations(page, `users list, auditor (${colorScheme})`);
      const username = (await dataRows(page, 'Users').first().getByRole('link').textContent()) ?? '';
      await page.goto(userUrl(await demoPoolIdOf(page, request), username));
      await expect(page.getByText(`User ${username}`)).toBeVisible();
      await expectNoSeriousViolations(page, `user page, auditor (${colorScheme})`);
      await page.goto('/#/audit-events');
      await expect(dataRows(page, 'Audit events').first()).toBeVisible();
      await expectNoSeriousViolations(page, `audit log, auditor (${colorScheme})`);
    });
  });
}

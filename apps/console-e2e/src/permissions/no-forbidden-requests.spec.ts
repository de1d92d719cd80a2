import { can, roles, rolePermissions } from '@poolkeeper/contract';
import { dataRows, demoPoolIdOf, expect, test, userUrl } from '../support/fixtures';

/**
 * Each role walks the screens it has and the ones it lacks (by their address): the console must never ask
 * the API for what the role cannot read (the contract's `rolePermissions`), so no request answers 403.
 */
for (const role of roles) {
  test(`${role}: no screen requests what the role may not read`, async ({ page, request, signIn }) => {
    const forbidden: string[] = [];
    const auditCalls: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/api/')) return;
      if (response.status() === 403) forbidden.push(`${response.request().method()} ${url.pathname}`);
      if (url.pathname.startsWith('/api/audit-events')) auditCalls.push(url.pathname);
    });
    await signIn(role);
    const rows = dataRows(page, 'Users');
    await expect(rows.first()).toBeVisible();
    const username = (await rows.first().getByRole('link').textContent()) ?? '';
    await page.goto(userUrl(await demoPoolIdOf(page, request), username));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`User ${username}`);

    await page.goto('/#/audit-events');
    if (can(rolePermissions[role], 'audit.read')) {
      await expect(dataRows(page, 'Audit events').first()).toBeVisible();
    } else {
      await expect(page.getByText(/not allowed|access denied|authorized/i).first()).toBeVisible();
      expect(auditCalls).toEqual([]);
    }
    expect(forbidden).toEqual([]);
  });
}

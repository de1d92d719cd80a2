import { accessTokenOf, expect, test } from '../support/fixtures';
import { PARTNERS, identityPoolId, openIdentityPool } from './identity-pool-helpers';

/** Admin turns guest access on for the partners' identity pool (confirmation and reason), then back off. */
test('admin edits guest access with a confirmation and a reason; it is audited', async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  const id = await identityPoolId(page, request, PARTNERS);
  const headers = { Authorization: `Bearer ${await accessTokenOf(page)}` };
  try {
    await openIdentityPool(page, PARTNERS);
    await expect(page.getByTestId('guest-access')).toHaveText('Off');
    await page.getByRole('button', { name: 'Edit settings' }).click();
    const dialog = page.getByRole('dialog');
    const save = dialog.getByRole('button', { name: 'Save settings' });
    await expect(save).toBeDisabled(); // nothing changed yet
    await dialog.getByRole('switch', { name: 'Guest access (unauthenticated identities)' }).check();
    await dialog.getByLabel('Reason (optional)').fill('e2e: guests for the partner demo');
    await save.click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('guest-access')).toHaveText('On');
    await expect(page.getByText('Guest identities get this role.')).toBeVisible();

    const events = await request.get('/api/audit-events?action=identity-pool.update&limit=5', { headers });
    expect(events.status()).toBe(200);
    const latest = ((await events.json()) as { items: Array<Record<string, unknown>> }).items[0];
    expect(latest).toMatchObject({
      reason: 'e2e: guests for the partner demo',
      targets: [{ type: 'identity-pool', id }],
      request: { before: { allowUnauthenticated: false }, after: { allowUnauthenticated: true } },
    });
  } finally {
    const res = await request.patch(`/api/identity-pools/${encodeURIComponent(id)}`, {
      headers,
      data: { allowUnauthenticated: false, reason: 'e2e restore' },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
});

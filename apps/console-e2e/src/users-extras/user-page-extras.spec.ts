import {
  accessTokenOf,
  createDemoUser,
  demoPoolIdOf,
  expect,
  openDemoUser,
  test,
  uniqueUsername,
} from '../support/fixtures';

test.describe('the user page: copy buttons, relative times, audit history link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test.beforeEach(() => test.slow());

  test('Copy sub puts the user’s sub on the clipboard; times read relative, exact on hover', async ({
    page,
    request,
    signIn,
  }) => {
    const username = uniqueUsername('e2e-copy');
    await signIn('admin');
    await createDemoUser(page, request, { username, attributes: { email: `${username}@example.com` } });
    const poolId = await demoPoolIdOf(page, request);
    const answer = await request.get(`/api/pools/${encodeURIComponent(poolId)}/users/${username}`, {
      headers: { Authorization: `Bearer ${await accessTokenOf(page)}` },
    });
    const { sub } = (await answer.json()) as { sub: string };
    expect(sub).toBeTruthy();
    await openDemoUser(page, request, username);

    await page.getByRole('button', { name: 'Copy sub' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sub);
    await page.getByRole('button', { name: 'Copy username' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(username);
    await expect(page.getByRole('button', { name: 'Copy email' })).toBeVisible();

    const created = page.locator('time').first();
    await expect(created).toHaveText(/now|seconds? ago|minutes? ago/);
    await expect(created).toHaveAttribute('title', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    await expect(created).toHaveAttribute('datetime', /\d{4}-\d{2}-\d{2}T/);
  });

  for (const role of ['admin', 'auditor'] as const) {
    test(`${role} has a link to the user’s audit history`, async ({ page, request, signIn }) => {
      await signIn(role);
      const first = page.getByRole('table', { name: 'Users' }).locator('tbody').getByRole('link').first();
      const username = (await first.textContent()) ?? '';
      await openDemoUser(page, request, username);
      await page.getByRole('link', { name: 'Audit history' }).click();
      await expect(page).toHaveURL(/#\/audit-events\?filter=/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  }

  test('support has no audit link and asks nothing of the audit log', async ({ page, request, signIn }) => {
    const forbidden: string[] = [];
    const auditCalls: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/api/')) return;
      if (response.status() === 403) forbidden.push(url.pathname);
      if (url.pathname.startsWith('/api/audit-events')) auditCalls.push(url.pathname);
    });
    await signIn('support');
    const first = page.getByRole('table', { name: 'Users' }).locator('tbody').getByRole('link').first();
    const username = (await first.textContent()) ?? '';
    await openDemoUser(page, request, username);
    await expect(page.getByRole('button', { name: 'Copy username' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Audit history' })).toHaveCount(0);
    expect(auditCalls).toEqual([]);
    expect(forbidden).toEqual([]);
  });
});

import { createDemoUser, expect, openDemoUser, test, uniqueUsername } from '../support/fixtures';

test("the action dialogs check the request with the contract's schema before sending it", async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-dialog');
  await signIn('admin');
  await createDemoUser(page, request, { username });
  await openDemoUser(page, request, username);

  const sent: string[] = [];
  page.on('request', (sentRequest) => {
    if (sentRequest.method() !== 'GET' && new URL(sentRequest.url()).pathname.startsWith('/api/'))
      sent.push(`${sentRequest.method()} ${sentRequest.url()}`);
  });

  // mutationBodySchema: a reason of at most 500 characters.
  await page.getByRole('button', { name: 'Disable', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Disable ${username}?` });
  const reason = dialog.getByRole('textbox', { name: 'Reason (optional)' });
  await reason.fill('x'.repeat(501));
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription('At most 500 characters.');
  await expect(dialog).toBeVisible();
  expect(sent).toEqual([]);

  // Within the limit it is sent, and the dialog closes.
  await reason.fill('e2e: within the limit');
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${username} is disabled.`)).toBeVisible();
  expect(sent).toHaveLength(1);
});

import type { Locator, Page } from '@playwright/test';
import {
  createDemoUser,
  demoPoolIdOf,
  expect,
  poolUsersUrl,
  routePattern,
  test,
  uniqueUsername,
} from '../support/fixtures';

/**
 * Issue 8, defect 5: an error the API reports for one field (a 4xx with code, message and field) is
 * shown on that field, which is scrolled into view and focused; no "The form is not valid" toast.
 */

/** A short window, so the invite form is taller than the screen and the field can be out of view. */
test.use({ viewport: { width: 1024, height: 480 } });

async function expectFocusedInView(field: Locator): Promise<void> {
  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
}

async function openInvite(page: Page, poolId: string): Promise<void> {
  await page.goto(`${poolUsersUrl(poolId)}/create`);
  await expect(page.getByText('Invite a user to Acme Customers')).toBeVisible();
}

test("a duplicate username: the API's message is on the Username field, which is focused and in view", async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  const taken = uniqueUsername('e2e-dup');
  await createDemoUser(page, request, { username: taken });
  const poolId = await demoPoolIdOf(page, request);
  await openInvite(page, poolId);

  const username = page.getByRole('textbox', { name: 'Username', exact: true });
  await username.fill(taken);
  const invite = page.getByRole('button', { name: 'Invite user' });
  await invite.scrollIntoViewIfNeeded();
  await expect(username).not.toBeInViewport();
  const answer = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().includes('/users'),
  );
  await invite.click();
  expect((await answer).status()).toBe(409);

  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username).toHaveAccessibleDescription(/already exists/i);
  await expectFocusedInView(username);
  await expect(page.getByText(/The form is not valid/i)).toHaveCount(0);
  await expect(page).toHaveURL(routePattern(`/pools/${poolId}/users/create`));
});

test("a temporary password the pool's policy refuses: the message is on that field, focused and in view", async ({
  page,
  request,
  signIn,
}) => {
  await signIn('admin');
  const poolId = await demoPoolIdOf(page, request);
  await openInvite(page, poolId);

  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(uniqueUsername('e2e-weak'));
  // Long enough for the contract (checked before sending); the pool also wants upper case, digits, symbols.
  const password = page.getByLabel('Temporary password (optional)');
  await password.fill('lowercaseonly');
  // Leave the field and scroll to the bottom, as an operator who reads the form to its end does.
  await page.getByRole('textbox', { name: /Reason/ }).focus();
  const invite = page.getByRole('button', { name: 'Invite user' });
  await invite.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 2000);
  const answer = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().includes('/users'),
  );
  await invite.click();
  expect((await answer).status()).toBeGreaterThanOrEqual(400);

  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/password/i);
  await expectFocusedInView(password);
  await expect(page.getByText(/The form is not valid/i)).toHaveCount(0);
});

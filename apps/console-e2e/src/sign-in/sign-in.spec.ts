import { expect, signInAs, test } from '../support/fixtures';

test("a wrong password shows Cognito's plain message and keeps you on the sign-in page", async ({ page }) => {
  await signInAs(page, 'admin', 'not-the-password-1');
  await expect(page.getByRole('alert')).toContainText(/incorrect username or password/i);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('signed-in-username')).toHaveCount(0);
});

test('the sign-in form submits with Enter and shows who is signed in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Username')).toBeEditable({ timeout: 20_000 });
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('Poolkeeper!2026');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByTestId('signed-in-username')).toHaveText('admin');
  await expect(page.getByTestId('signed-in-roles')).toHaveText('admin');
});

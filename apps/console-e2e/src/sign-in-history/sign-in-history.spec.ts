import {
  createDemoUser,
  demoPoolIdOf,
  expect,
  openDemoUser,
  test,
  uniqueUsername,
  userUrl,
} from '../support/fixtures';
import {
  USER_WITH_HISTORY,
  historyRows,
  historySection,
  openEssentialsUser,
} from './sign-in-history-helpers';

test.describe('sign-in history on the user page', () => {
  // each test signs in, arranges through the API and loads a user page: slow on a shared, busy machine
  test.beforeEach(() => test.slow());

  test('support sees a seeded user’s sign-ins: time, result, IP, device, risk', async ({
    page,
    request,
    signIn,
  }) => {
    await signIn('support');
    await openDemoUser(page, request, USER_WITH_HISTORY);
    const section = historySection(page);
    await expect(section.getByRole('heading', { level: 2, name: 'Sign-in history' })).toBeVisible();
    await expect(historyRows(page).first()).toBeVisible();
    expect(await historyRows(page).count()).toBeGreaterThanOrEqual(3);
    // the seed's sign-ins: a pass from a Mac, a mistyped password from Windows, an MFA sign-in from the app
    const failed = historyRows(page).filter({ hasText: 'Failed' }).first();
    await expect(failed).toContainText('203.0.113.41');
    await expect(failed).toContainText('Chrome on Windows');
    await expect(failed).toContainText('Password failed');
    const withMfa = historyRows(page).filter({ hasText: 'MFA passed' }).first();
    await expect(withMfa).toContainText('Passed');
    await expect(withMfa).toContainText('AcmeShop/4.2 on iOS');
    await expect(withMfa).toContainText('Low, no risk');
    // relative time shown, the absolute one on hover
    const time = historyRows(page).first().locator('time');
    await expect(time).toHaveText(/ago|now|yesterday/);
    await expect(time).toHaveAttribute('title', /\d{4}-\d{2}-\d{2}T/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('Load more follows the cursor to the next page', async ({ page, request, signIn }) => {
    await signIn('support');
    // Smaller pages of the real API (limit=2), so a short seeded history has a second page.
    await page.route('**/sign-in-history*', async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '2');
      await route.continue({ url: url.toString() });
    });
    await openDemoUser(page, request, USER_WITH_HISTORY);
    await expect(historyRows(page)).toHaveCount(2);
    const first = await historyRows(page).allTextContents();
    await historySection(page).getByRole('button', { name: 'Load more' }).click();
    await expect(historyRows(page).nth(2)).toBeVisible();
    const all = await historyRows(page).allTextContents();
    expect(all.slice(0, 2)).toEqual(first);
    expect(all.length).toBeGreaterThan(2);
  });

  test('a transient error offers Retry, which loads the history', async ({ page, request, signIn }) => {
    await signIn('support');
    let failures = 0;
    // A test double of the network: the first history request answers 503 as the API does when Cognito is down.
    await page.route('**/sign-in-history*', async (route) => {
      if (failures === 0) {
        failures += 1;
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            code: 'COGNITO_UNAVAILABLE',
            message: 'Cognito is not reachable right now.',
          }),
        });
        return;
      }
      await route.continue();
    });
    await openDemoUser(page, request, USER_WITH_HISTORY);
    const alert = historySection(page).getByRole('alert');
    await expect(alert).toContainText('could not be loaded');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(historyRows(page).first()).toBeVisible();
    expect(failures).toBe(1);
  });

  test('a user who never signed in: "No sign-in recorded"', async ({ page, request, signIn }) => {
    await signIn('admin');
    const username = uniqueUsername('e2e-history-none');
    await createDemoUser(page, request, { username });
    await page.goto(userUrl(await demoPoolIdOf(page, request), username));
    await expect(historySection(page).getByText('No sign-in recorded')).toBeVisible();
  });

  test('a user of the Essentials pool: an explanation, not an error', async ({ page, request, signIn }) => {
    await signIn('support');
    await openEssentialsUser(page, request);
    const section = historySection(page);
    await expect(section.getByText('This pool does not record sign-in history')).toBeVisible();
    await expect(section).toContainText('threat protection');
    await expect(section).toContainText('the Essentials plan');
    await expect(section).toContainText('Plus feature plan');
    await expect(section).toContainText('Nothing is wrong with this user');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Sign-in history' })).toHaveCount(0);
  });
});

import { dataRows, demoPoolIdOf, expect, poolUsersUrl, test } from '../support/fixtures';

test.describe('the users list remembers the operator’s page size and columns', () => {
  test.beforeEach(() => test.slow());

  test('page size and a chosen column survive a reload of the bare list address', async ({
    page,
    request,
    signIn,
  }) => {
    await signIn('admin');
    const listUrl = poolUsersUrl(await demoPoolIdOf(page, request));
    const table = page.getByRole('table', { name: 'Users' });
    await expect(dataRows(page, 'Users').first()).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Sub', exact: true })).toHaveCount(0);

    await page.getByRole('combobox', { name: 'Rows per page' }).click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await expect(dataRows(page, 'Users')).toHaveCount(10);

    await page.getByRole('button', { name: 'Columns' }).click();
    const chooser = page.locator('.MuiPopover-paper');
    await chooser.getByLabel('Sub', { exact: true }).check();
    await page.keyboard.press('Escape');
    await expect(table.getByRole('columnheader', { name: 'Sub', exact: true })).toBeVisible();

    // Not the URL's ?perPage: the list's own address, then a reload.
    await page.goto(listUrl);
    await page.reload();
    await expect(dataRows(page, 'Users')).toHaveCount(10);
    await expect(page.getByRole('combobox', { name: 'Rows per page' })).toHaveText('10');
    await expect(table.getByRole('columnheader', { name: 'Sub', exact: true })).toBeVisible();
    // the column shows the users' subs (UUIDs)
    await expect(dataRows(page, 'Users').first()).toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  test('the search box says what Cognito can search', async ({ page, signIn }) => {
    await signIn('support');
    const help = page.getByTestId('search-help');
    await expect(help).toContainText('Finds users whose email starts with the text');
    await expect(help).toContainText('custom attributes');
    await page.getByRole('combobox', { name: 'Match' }).click();
    await page.getByRole('option', { name: 'is exactly' }).click();
    await expect(help).toContainText('Finds users whose email is exactly the text');
  });
});

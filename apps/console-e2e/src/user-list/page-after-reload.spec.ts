import { chooseDemoPool, dataRows, expect, test } from '../support/fixtures';

const pageLabel = (page: import('@playwright/test').Page) => page.getByText(/^Page \d+ · 60 per page$/);

test('a reload on page 2 honestly goes back to page 1 and says so; Next then shows page 2 again', async ({
  page,
  signIn,
}) => {
  await signIn('auditor');
  await chooseDemoPool(page);
  const rows = dataRows(page, 'Users');
  await expect(rows).toHaveCount(60);
  const firstOfPage1 = await rows.first().getByRole('link').textContent();

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(pageLabel(page)).toHaveText('Page 2 · 60 per page');
  await expect(rows.first().getByRole('link')).not.toHaveText(firstOfPage1!);
  const firstOfPage2 = await rows.first().getByRole('link').textContent();

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Page 2 cannot be reopened' })).toBeVisible();
  await expect(pageLabel(page)).toHaveText('Page 1 · 60 per page');
  await expect(rows.first().getByRole('link')).toHaveText(firstOfPage1!);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(pageLabel(page)).toHaveText('Page 2 · 60 per page');
  await expect(rows.first().getByRole('link')).toHaveText(firstOfPage2!);
  await expect(page.getByRole('status').filter({ hasText: 'cannot be reopened' })).toHaveCount(0);
});

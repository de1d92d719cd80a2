import { expect, test } from '../support/fixtures';

test('the audit log is offered to auditors, newest first, with filters', async ({ page, signIn }) => {
  await signIn('auditor');
  await page.getByRole('menuitem', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  // A fresh stack may have audited nothing yet: the table or the empty message.
  await expect(
    page.getByRole('table', { name: 'Audit events' }).or(page.getByText('No audit events match.')),
  ).toBeVisible();
  for (const label of ['Actor', 'Target']) await expect(page.getByLabel(label)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Outcome' })).toBeVisible();
});

import {
  createDemoUser,
  expect,
  openDemoUser,
  test,
  uniqueUsername,
  userPassword,
} from '../support/fixtures';
import { forgetSession } from './support-desk-helpers';

test('support resends the invitation of a user who never signed in, giving a reason', async ({
  page,
  request,
  signIn,
}) => {
  const invited = uniqueUsername('e2e-resend');
  const confirmed = uniqueUsername('e2e-resend-done');
  await signIn('admin');
  await createDemoUser(page, request, {
    username: invited,
    attributes: { email: `${invited}@example.com` },
    temporaryPassword: userPassword,
  });
  await createDemoUser(page, request, {
    username: confirmed,
    attributes: { email: `${confirmed}@example.com` },
    permanentPassword: userPassword,
  });

  await forgetSession(page);
  await signIn('support');
  // a user who signed in already gets no resend button
  await openDemoUser(page, request, confirmed);
  await expect(page.getByRole('button', { name: 'Disable', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resend invitation' })).toHaveCount(0);
  // support may not confirm or verify
  await expect(page.getByRole('button', { name: 'Mark email verified' })).toHaveCount(0);

  await openDemoUser(page, request, invited);
  await page.getByRole('button', { name: 'Resend invitation' }).click();
  const dialog = page.getByRole('dialog', { name: `Resend the invitation to ${invited}?` });
  await expect(dialog).toContainText(`by email to ${invited}@example.com`);
  await expect(dialog).toContainText('The previous temporary password stops working.');
  // the reason is required: nothing is sent without one
  await dialog.getByRole('button', { name: 'Resend invitation' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('never got the invitation email');
  await dialog.getByRole('button', { name: 'Resend invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(`The invitation to ${invited} was sent again by email to ${invited}@example.com.`),
  ).toBeVisible();
  await expect(page.getByText('Force change password', { exact: true })).toBeVisible();

  // the auditor sees the user but no support desk buttons
  await forgetSession(page);
  await signIn('auditor');
  await openDemoUser(page, request, invited);
  await expect(page.getByRole('button', { name: 'Resend invitation' })).toHaveCount(0);
});

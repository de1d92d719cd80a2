import {
  attributeValue,
  demoPoolIdOf,
  expect,
  openDemoUser,
  test,
  uniqueUsername,
} from '../support/fixtures';
import { forgetSession, signUpDemoUser } from './support-desk-helpers';

test('admin confirms an UNCONFIRMED sign-up and marks the email verified; support sees neither', async ({
  page,
  request,
  signIn,
}) => {
  const username = uniqueUsername('e2e-signup');
  await signIn('support');
  await signUpDemoUser(request, await demoPoolIdOf(page, request), username, 'E2e-Signed-Up1!');
  await openDemoUser(page, request, username);
  await expect(page.getByText('Unconfirmed', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm sign-up' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark email verified' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Resend invitation' })).toHaveCount(0);

  await forgetSession(page);
  await signIn('admin');
  await openDemoUser(page, request, username);
  await page.getByRole('button', { name: 'Confirm sign-up' }).click();
  const dialog = page.getByRole('dialog', { name: `Confirm the sign-up of ${username}?` });
  await expect(dialog).toContainText('they can sign in with the password they chose');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('confirmed their identity on a call');
  await dialog.getByRole('button', { name: 'Confirm sign-up' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`The sign-up of ${username} is confirmed.`)).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm sign-up' })).toHaveCount(0);

  // SignUp left the email unverified: mark it verified
  await page.getByRole('button', { name: 'Mark email verified' }).click();
  const verify = page.getByRole('dialog', { name: `Mark the email address of ${username} verified?` });
  await verify.getByRole('textbox', { name: 'Reason' }).fill('checked the address with them');
  await verify.getByRole('button', { name: 'Mark email verified' }).click();
  await expect(verify).toBeHidden();
  await expect(attributeValue(page, 'email_verified')).toHaveText('true');
  await expect(page.getByRole('button', { name: 'Mark email verified' })).toHaveCount(0);
});

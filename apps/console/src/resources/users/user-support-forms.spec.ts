import { describe, expect, it } from '@jest/globals';
import { validateForm } from '../../common/contract-form';
import { putInvitation, takeInvitation } from './invitation-once';
import { toUpdateBody } from './user-forms';
import { supportActionForm, verifyAttributesForm } from './user-support-forms';

describe('support desk dialogs: a reason is required', () => {
  it('refuses an empty or blank reason on the reason field, accepts a real one', () => {
    expect(validateForm(supportActionForm, { reason: '  ' }, undefined)).toEqual({
      reason: expect.any(String),
    });
    expect(validateForm(supportActionForm, { reason: 'never got the email' }, undefined)).toBeNull();
    expect(validateForm(verifyAttributesForm, { reason: '', attributes: ['email'] }, undefined)).toEqual({
      reason: expect.any(String),
    });
    expect(
      validateForm(verifyAttributesForm, { reason: 'checked', attributes: ['phone_number'] }, undefined),
    ).toBeNull();
  });
});

describe('the edit keeps a changed email verified only when asked', () => {
  const editable = ['email', 'phone_number', 'name'];
  const previous = { email: 'a@example.com', email_verified: 'true', name: 'A' };

  it('sends keepVerified for a changed, ticked attribute', () => {
    expect(
      toUpdateBody(
        { attributes: { email: 'b@example.com', name: 'A' }, keepVerified: { email: true } },
        previous,
        editable,
      ),
    ).toEqual({ set: { email: 'b@example.com' }, remove: [], keepVerified: ['email'] });
  });

  it('sends none when not ticked, or when the attribute did not change', () => {
    expect(toUpdateBody({ attributes: { email: 'b@example.com' } }, previous, editable).keepVerified).toEqual(
      [],
    );
    expect(
      toUpdateBody(
        { attributes: { email: 'a@example.com', name: 'B' }, keepVerified: { email: true } },
        previous,
        editable,
      ).keepVerified,
    ).toEqual([]);
  });
});

describe('the invite result is handed over once', () => {
  it('is gone after the first take', () => {
    putInvitation('p', 'ana', { delivery: 'suppressed', temporaryPassword: 'Xy!9secret' });
    expect(takeInvitation('p', 'ana')).toEqual({ delivery: 'suppressed', temporaryPassword: 'Xy!9secret' });
    expect(takeInvitation('p', 'ana')).toBeNull();
  });
});

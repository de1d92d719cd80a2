import { describe, expect, it } from '@jest/globals';
import { contractResolver, formLevelError, sentence, validateForm } from '../../common/contract-form';
import { actionForm, editForm, inviteForm, setPasswordForm } from './user-forms';

const editable = ['email', 'phone_number', 'name', 'custom:plan'];

describe('the invite form validates with createUserBodySchema', () => {
  it("puts the contract's username rule on the Username field", () => {
    expect(validateForm(inviteForm, { username: 'has space' }, { editable })).toEqual({
      username: 'Must not contain spaces or control characters.',
    });
    expect(validateForm(inviteForm, { username: '' }, { editable })).toEqual({ username: 'Required.' });
  });

  it('reads the limits from the schema (temporary password, reason)', () => {
    const messages = validateForm(
      inviteForm,
      { username: 'ana', temporaryPassword: 'abc', reason: 'x'.repeat(501) },
      { editable },
    );
    expect(messages).toEqual({
      temporaryPassword: 'At least 6 characters.',
      reason: 'At most 500 characters.',
    });
  });

  it('checks attribute formats on the attribute inputs', () => {
    const messages = validateForm(
      inviteForm,
      { username: 'ana', attributes: { email: 'not an email', phone_number: '0044 20 7946' } },
      { editable },
    );
    expect(messages).toEqual({
      'attributes.email': 'Must be an email address, such as ana@example.com.',
      'attributes.phone_number': 'Must be in international format, such as +14155550100.',
    });
  });

  it('accepts what the API accepts', () => {
    const values = {
      username: 'ana',
      attributes: { email: 'ana@example.com', phone_number: '+14155550100', 'custom:plan': 'pro' },
      temporaryPassword: 'Temp-Passw0rd!',
      delivery: 'send' as const,
      deliveryMediums: ['EMAIL' as const],
      reason: 'onboarding',
    };
    expect(validateForm(inviteForm, values, { editable })).toBeNull();
  });
});

describe('the edit form validates the diff it would send with updateUserBodySchema', () => {
  const previous = { email: 'ana@example.com', name: 'Ana' };

  it('shows `set.<name>` problems on the attribute input', () => {
    const messages = validateForm(
      editForm,
      { attributes: { email: 'ana@', name: 'Ana' } },
      { editable, previous },
    );
    expect(messages).toEqual({ 'attributes.email': 'Must be an email address, such as ana@example.com.' });
  });

  it('reports "nothing to change" on the form, not on an input', () => {
    const messages = validateForm(editForm, { attributes: { ...previous } }, { editable, previous });
    expect(Object.keys(messages ?? {})).toEqual([formLevelError]);
  });

  it('maps API field paths the same way', () => {
    expect(editForm.fieldOf('set.custom:plan')).toBe('attributes.custom:plan');
    expect(editForm.fieldOf('remove.0')).toBe(formLevelError);
    expect(editForm.fieldOf('reason')).toBe('reason');
  });
});

describe('the dialogs validate with setPasswordBodySchema and mutationBodySchema', () => {
  it('needs a password', () => {
    expect(validateForm(setPasswordForm, { password: '', permanent: false, reason: '' }, undefined)).toEqual({
      password: 'Required.',
    });
    expect(
      validateForm(setPasswordForm, { password: 'x', permanent: true, reason: ' ' }, undefined),
    ).toBeNull();
  });

  it('limits the reason', () => {
    expect(validateForm(actionForm, { reason: 'y'.repeat(501) }, undefined)).toEqual({
      reason: 'At most 500 characters.',
    });
    expect(validateForm(actionForm, { reason: '' }, undefined)).toBeNull();
  });
});

describe('contractResolver (react-admin forms)', () => {
  const resolver = contractResolver(inviteForm, { editable });
  // react-hook-form passes a context and options; the resolver needs neither.
  const run = (values: Record<string, unknown>) =>
    resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false } as never);

  it('keeps the form values when the body is valid (the submit builds the body itself)', async () => {
    const values = { username: 'ana', attributes: { email: 'ana@example.com' } };
    await expect(run(values)).resolves.toEqual({ values, errors: {} });
  });

  it('nests errors by field path as react-hook-form reads them', async () => {
    const result = await run({ username: 'a b', attributes: { 'custom:plan': 'x', email: 'nope' } });
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      username: { type: 'contract', message: 'Must not contain spaces or control characters.' },
      attributes: {
        email: { type: 'contract', message: 'Must be an email address, such as ana@example.com.' },
      },
    });
  });
});

describe('sentence', () => {
  it('turns a contract phrase into a sentence for a field', () => {
    expect(sentence('is required')).toBe('Required.');
    expect(sentence('must not contain spaces')).toBe('Must not contain spaces.');
    expect(sentence('Already a sentence.')).toBe('Already a sentence.');
  });
});

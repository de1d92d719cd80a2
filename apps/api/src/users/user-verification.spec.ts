import { describe, expect, it } from '@jest/globals';
import { previousValues, withVerification } from './user-attribute-update';

describe('what an attribute edit does to email / phone verification (AdminUpdateUserAttributes rules)', () => {
  const verified = { email: 'a@example.com', email_verified: 'true', phone_number: '+14155550100' };

  it('a changed email becomes unverified, and the audit is told so', () => {
    expect(withVerification({ set: { email: 'b@example.com' }, keepVerified: [] }, verified)).toEqual({
      set: { email: 'b@example.com' },
      verification: { email_verified: { before: 'true', after: 'false' } },
    });
  });

  it('keepVerified sends email_verified true in the same call', () => {
    expect(withVerification({ set: { email: 'b@example.com' }, keepVerified: ['email'] }, verified)).toEqual({
      set: { email: 'b@example.com', email_verified: 'true' },
      verification: { email_verified: { before: 'true', after: 'true' } },
    });
  });

  it('keepVerified does not verify what was not verified before', () => {
    expect(
      withVerification({ set: { phone_number: '+14155550101' }, keepVerified: ['phone_number'] }, verified),
    ).toEqual({
      set: { phone_number: '+14155550101' },
      verification: { phone_number_verified: { before: null, after: 'false' } },
    });
  });

  it('other attributes and unchanged values touch no flag', () => {
    expect(
      withVerification({ set: { name: 'A', email: 'a@example.com' }, keepVerified: [] }, verified),
    ).toEqual({ set: { name: 'A', email: 'a@example.com' }, verification: {} });
  });

  it('previousValues lists what the named attributes were (null: absent)', () => {
    expect(previousValues(verified, ['email', 'nickname'])).toEqual({
      email: 'a@example.com',
      nickname: null,
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import type { PoolMfaConfig } from '@poolkeeper/contract';
import { draftOf, draftProblems, effectsOf, isChanged, toBody } from './pool-mfa-form';

const optionalTotp: PoolMfaConfig = { mode: 'OPTIONAL', softwareTokenMfa: true, sms: null, email: null };
const withSms: PoolMfaConfig = {
  ...optionalTotp,
  sms: {
    message: null,
    snsCallerArn: 'arn:aws:iam::123456789012:role/Sns',
    externalId: 'x',
    snsRegion: null,
  },
};

describe('pool MFA settings form', () => {
  it('an untouched draft is unchanged, whatever the order of the keys the API sent', () => {
    expect(isChanged(draftOf(optionalTotp), optionalTotp)).toBe(false);
    expect(isChanged(draftOf(withSms), withSms)).toBe(false);
    expect(effectsOf(draftOf(withSms), withSms)).toEqual([]);
  });

  it('switching to required says users without a factor get MFA setup', () => {
    const draft = { ...draftOf(optionalTotp), mode: 'ON' as const };
    expect(isChanged(draft, optionalTotp)).toBe(true);
    expect(effectsOf(draft, optionalTotp).join(' ')).toMatch(/MFA setup at the next sign-in/);
  });

  it('OFF sends every factor off; ON without a factor is refused on mode', () => {
    expect(toBody({ ...draftOf(withSms), mode: 'OFF' }, withSms, 'r')).toEqual({
      mode: 'OFF',
      softwareTokenMfa: false,
      sms: null,
      email: null,
      reason: 'r',
    });
    const none = { ...draftOf(optionalTotp), mode: 'ON' as const, softwareTokenMfa: false };
    expect(draftProblems(none, optionalTotp)).toEqual({ mode: expect.stringMatching(/at least one factor/) });
    const badArn = { ...draftOf(optionalTotp), sms: true, snsCallerArn: 'nope' };
    expect(draftProblems(badArn, optionalTotp)).toEqual({ snsCallerArn: expect.any(String) });
  });
});

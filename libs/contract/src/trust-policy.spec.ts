import { describe, expect, it } from '@jest/globals';
import { cognitoIdentityTrustPolicy, trustsCognitoIdentity } from './trust-policy';

const POOL = 'us-east-1:12345678-1234-1234-1234-123456789012';
const authenticated = {
  aud: POOL,
  amr: ['authenticated', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_x'],
  sub: 'id',
};
const guest = { aud: POOL, amr: ['unauthenticated'], sub: 'id' };
const text = (doc: unknown) => JSON.stringify(doc);

describe('trustsCognitoIdentity', () => {
  // The guide's example ("Creating roles for role mapping"): aud = the identity pool, amr authenticated.
  it("accepts the guide's trust policy for its pool and amr only", () => {
    const policy = text(cognitoIdentityTrustPolicy(POOL, 'authenticated'));
    expect(trustsCognitoIdentity(policy, authenticated)).toBe(true);
    expect(trustsCognitoIdentity(policy, guest)).toBe(false);
    expect(trustsCognitoIdentity(policy, { ...authenticated, aud: 'us-east-1:other' })).toBe(false);
    expect(trustsCognitoIdentity(text(cognitoIdentityTrustPolicy(POOL, 'unauthenticated')), guest)).toBe(
      true,
    );
  });

  it('refuses other principals and actions, honours Deny, and does not guess unknown conditions', () => {
    const statement = cognitoIdentityTrustPolicy(POOL, 'authenticated').Statement[0]!;
    const variant = (s: Record<string, unknown>) => text({ Version: '2012-10-17', Statement: [s] });
    expect(
      trustsCognitoIdentity(
        variant({ ...statement, Principal: { Service: 'ec2.amazonaws.com' } }),
        authenticated,
      ),
    ).toBe(false);
    expect(trustsCognitoIdentity(variant({ ...statement, Action: 'sts:AssumeRole' }), authenticated)).toBe(
      false,
    );
    expect(trustsCognitoIdentity(variant({ ...statement, Action: 'sts:*' }), authenticated)).toBe(true);
    expect(
      trustsCognitoIdentity(
        variant({ ...statement, Condition: { IpAddress: { 'aws:SourceIp': '1.2.3.4' } } }),
        authenticated,
      ),
    ).toBe(false);
    const { Condition: _c, ...unconditioned } = statement;
    expect(trustsCognitoIdentity(variant(unconditioned), guest)).toBe(true);
    expect(
      trustsCognitoIdentity(
        text({ Statement: [unconditioned, { ...unconditioned, Effect: 'Deny' }] }),
        guest,
      ),
    ).toBe(false);
    expect(trustsCognitoIdentity('not json', guest)).toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';
import { type MappingRule, cognitoIdentityTrustPolicy } from '@poolkeeper/contract';
import { covers, roleWarnings, userPoolTokenClaims, userWritableClaims } from './role-warnings';

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const arn = (n: string) => `arn:aws:iam::123456789012:role/${n}`;
const rule = (
  Claim: string,
  MatchType: MappingRule['MatchType'],
  Value: string,
  role = 'r',
): MappingRule => ({
  Claim,
  MatchType,
  Value,
  RoleARN: arn(role),
});
const KEY = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc:client1';

function warn(rules: MappingRule[], policies: Record<string, unknown> = {}) {
  const trust = new Map<string, unknown>(
    rules.map((r) => [r.RoleARN, cognitoIdentityTrustPolicy(POOL, 'authenticated')]),
  );
  for (const [k, v] of Object.entries(policies)) trust.set(k, v);
  return roleWarnings({
    identityPoolId: POOL,
    roles: {},
    roleMappings: {
      [KEY]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: rules } },
    },
    trustPolicies: trust,
    tokenClaims: new Map([[KEY, userPoolTokenClaims(['custom:plan'])]]),
    userWritableClaims: new Map([[KEY, userWritableClaims(['custom:plan'])]]),
  });
}

describe('role-mapping warnings', () => {
  it('a rule on a claim the token never carries can never match', () => {
    expect(warn([rule('custom:tier', 'Equals', 'gold')]).map((w) => [w.kind, w.field])).toEqual([
      ['rule_never_matches', `roleMappings.${KEY}.rules.0`],
    ]);
  });

  it('a rule covered by an earlier one is shadowed; a narrower earlier rule does not shadow', () => {
    const kinds = (rules: MappingRule[]) => warn(rules).map((w) => `${w.kind}@${w.field.split('.').pop()}`);
    expect(
      kinds([rule('cognito:groups', 'Contains', 'ops'), rule('cognito:groups', 'Equals', 'devops')]),
    ).toEqual(['rule_shadowed@1']);
    expect(
      kinds([rule('cognito:groups', 'Equals', 'devops'), rule('cognito:groups', 'Contains', 'ops')]),
    ).toEqual([]);
    expect(covers(rule('a', 'StartsWith', 'ab'), rule('a', 'StartsWith', 'abc'))).toBe(true);
    expect(covers(rule('a', 'StartsWith', 'abc'), rule('a', 'StartsWith', 'ab'))).toBe(false);
    expect(covers(rule('a', 'NotEqual', 'x'), rule('a', 'Equals', 'y'))).toBe(true);
    expect(covers(rule('a', 'NotEqual', 'x'), rule('a', 'Equals', 'x'))).toBe(false);
    expect(covers(rule('a', 'Equals', 'x'), rule('b', 'Equals', 'x'))).toBe(false);
  });

  it('a rule on an attribute users can write themselves is flagged; cognito:groups is not', () => {
    expect(warn([rule('custom:plan', 'Equals', 'enterprise')]).map((w) => w.kind)).toEqual([
      'user_writable_claim',
    ]);
    expect(warn([rule('email', 'StartsWith', 'boss@')]).map((w) => w.kind)).toEqual(['user_writable_claim']);
    expect(warn([rule('cognito:groups', 'Contains', 'x')])).toEqual([]);
    expect(warn([rule('email_verified', 'Equals', 'true')])).toEqual([]);
  });

  it('a role whose trust policy does not allow this pool gets a warning with the fix; a missing role too', () => {
    const other = cognitoIdentityTrustPolicy(
      'us-east-1:99999999-2222-3333-4444-555555555555',
      'authenticated',
    );
    const ws = warn(
      [rule('cognito:groups', 'Contains', 'x', 'bad'), rule('cognito:groups', 'Contains', 'y', 'gone')],
      {
        [arn('bad')]: other,
        [arn('gone')]: null,
      },
    );
    expect(ws.map((w) => [w.kind, w.roleArn])).toEqual([
      ['role_not_trusted', arn('bad')],
      ['role_not_found', arn('gone')],
    ]);
    expect(ws[0]!.fixPolicy).toEqual(cognitoIdentityTrustPolicy(POOL, 'authenticated'));
  });

  it('the guest role is checked for amr unauthenticated', () => {
    const ws = roleWarnings({
      identityPoolId: POOL,
      roles: { authenticated: arn('a'), unauthenticated: arn('g') },
      roleMappings: {},
      trustPolicies: new Map([
        [arn('a'), cognitoIdentityTrustPolicy(POOL, 'authenticated')],
        [arn('g'), cognitoIdentityTrustPolicy(POOL, 'authenticated')],
      ]),
      tokenClaims: new Map(),
      userWritableClaims: new Map(),
    });
    expect(ws.map((w) => [w.kind, w.field])).toEqual([['role_not_trusted', 'roles.unauthenticated']]);
  });
});

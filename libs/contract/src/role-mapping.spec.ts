import { describe, expect, it } from '@jest/globals';
import { evaluateRoleMapping, type MappingRule, roleNameOfArn, tokenRoles } from './role-mapping';

/**
 * The cases below are the examples and sentences of AWS's documentation, quoted above each test:
 * Amazon Cognito Developer Guide, "Using role-based access control"
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html), and the
 * cognito-identity API reference, RoleMapping (API_RoleMapping.html).
 */
const ACCOUNT = '123456789012';
const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const roles = { authenticated: arn('Cognito_Auth'), unauthenticated: arn('Cognito_Unauth') };
const rule = (Claim: string, MatchType: MappingRule['MatchType'], Value: string, role: string) => ({
  Claim,
  MatchType,
  Value,
  RoleARN: arn(role),
});

describe('Rules type', () => {
  // "you can create a rule that assigns a specific IAM role for users with a custom:dept custom attribute
  // value of Sales" · "In the rule settings, custom attributes require the custom: prefix"
  const sales = {
    Type: 'Rules' as const,
    AmbiguousRoleResolution: 'AuthenticatedRole' as const,
    RulesConfiguration: { Rules: [rule('custom:dept', 'Equals', 'Sales', 'SalesRole')] },
  };

  it("gives the role of a rule whose claim equals the value (the guide's custom:dept = Sales example)", () => {
    const out = evaluateRoleMapping({ mapping: sales, claims: { 'custom:dept': 'Sales' }, roles });
    expect(out).toMatchObject({ roleArn: arn('SalesRole'), source: 'rule', ruleIndex: 0 });
    expect(out.rules[0]).toMatchObject({ status: 'matched', claimValue: 'Sales' });
  });

  // "If no rules match, the Role resolution setting is applied to either Use default Authenticated role or DENY."
  it('falls back to the authenticated role, or denies, when no rule matches', () => {
    const claims = { 'custom:dept': 'Marketing' };
    expect(evaluateRoleMapping({ mapping: sales, claims, roles })).toMatchObject({
      roleArn: roles.authenticated,
      source: 'authenticated_role',
    });
    const denied = evaluateRoleMapping({
      mapping: { ...sales, AmbiguousRoleResolution: 'Deny' },
      claims,
      roles,
    });
    expect(denied).toMatchObject({ roleArn: null, source: 'deny' });
    expect(denied.rules[0]).toMatchObject({
      status: 'not_matched',
      reason: 'custom:dept is "Marketing", not equal to "Sales".',
    });
  });

  // "Rules are evaluated in order, and the IAM role for the first matching rule is used" ·
  // "Rules are applied in order. … The first matching rule takes precedence."
  it('uses the first matching rule and reports the later ones as not evaluated', () => {
    const mapping = {
      Type: 'Rules' as const,
      AmbiguousRoleResolution: 'Deny' as const,
      RulesConfiguration: {
        Rules: [
          rule('custom:plan', 'Equals', 'enterprise', 'Enterprise'),
          rule('email', 'StartsWith', 'support@', 'Support'),
          rule('email', 'Contains', '@acme.', 'Acme'),
          rule('custom:plan', 'NotEqual', 'free', 'Paid'),
        ],
      },
    };
    const out = evaluateRoleMapping({
      mapping,
      claims: { 'custom:plan': 'pro', email: 'ann@acme.test' },
      roles,
    });
    expect(out).toMatchObject({ roleArn: arn('Acme'), ruleIndex: 2, source: 'rule' });
    expect(out.rules.map((r) => r.status)).toEqual([
      'not_matched',
      'not_matched',
      'matched',
      'not_evaluated',
    ]);
    expect(out.rules[1]?.reason).toBe('email is "ann@acme.test", which does not start with "support@".');
  });

  // "If the match type is NotEqual and the claim doesn't exist, the rule is not evaluated."
  it('never matches NotEqual on an absent claim', () => {
    const mapping = {
      Type: 'Rules' as const,
      AmbiguousRoleResolution: 'Deny' as const,
      RulesConfiguration: { Rules: [rule('custom:admin', 'NotEqual', 'admin', 'NonAdmin')] },
    };
    const absent = evaluateRoleMapping({ mapping, claims: {}, roles });
    expect(absent).toMatchObject({ roleArn: null, source: 'deny' });
    expect(absent.rules[0]).toMatchObject({ status: 'claim_missing', claimValue: null });
    expect(evaluateRoleMapping({ mapping, claims: { 'custom:admin': 'no' }, roles }).roleArn).toBe(
      arn('NonAdmin'),
    );
  });

  // "unless CustomRoleArn is specified to override the order"
  it('lets CustomRoleArn pick a later matching rule, and denies a role no matching rule has', () => {
    const mapping = {
      Type: 'Rules' as const,
      AmbiguousRoleResolution: 'AuthenticatedRole' as const,
      RulesConfiguration: {
        Rules: [rule('custom:plan', 'Equals', 'pro', 'Pro'), rule('custom:plan', 'StartsWith', 'p', 'P')],
      },
    };
    const claims = { 'custom:plan': 'pro' };
    expect(evaluateRoleMapping({ mapping, claims, roles, customRoleArn: arn('P') })).toMatchObject({
      roleArn: arn('P'),
      ruleIndex: 1,
    });
    expect(evaluateRoleMapping({ mapping, claims, roles, customRoleArn: arn('Other') })).toMatchObject({
      roleArn: null,
      source: 'deny',
    });
  });

  it('compares a multi-valued claim as its comma-joined values', () => {
    const mapping = {
      Type: 'Rules' as const,
      AmbiguousRoleResolution: 'Deny' as const,
      RulesConfiguration: {
        Rules: [
          rule('cognito:groups', 'Equals', 'support', 'Exact'),
          rule('cognito:groups', 'Contains', 'support', 'Member'),
        ],
      },
    };
    const out = evaluateRoleMapping({ mapping, claims: { 'cognito:groups': ['beta', 'support'] }, roles });
    expect(out).toMatchObject({ roleArn: arn('Member'), ruleIndex: 1 });
    expect(out.rules[0]?.claimValue).toBe('beta,support');
  });
});

describe('Token type', () => {
  const token = (resolution: 'AuthenticatedRole' | 'Deny') => ({
    Type: 'Token' as const,
    AmbiguousRoleResolution: resolution,
  });
  const two = [arn('GroupA'), arn('GroupB')];

  // "If the cognito:preferred_role claim is set, use it."
  it('uses cognito:preferred_role', () => {
    expect(
      evaluateRoleMapping({
        mapping: token('Deny'),
        claims: { 'cognito:roles': two, 'cognito:preferred_role': arn('GroupB') },
        roles,
      }),
    ).toMatchObject({ roleArn: arn('GroupB'), source: 'preferred_role' });
  });

  // "Use the GetCredentialsForIdentity CustomRoleArn parameter if it is set and it matches a role in the
  // cognito:roles claim. If this parameter doesn't match a role in cognito:roles, deny access."
  it('honours a CustomRoleArn the token allows over the preferred role, and denies one it does not', () => {
    const claims = { 'cognito:roles': two, 'cognito:preferred_role': arn('GroupB') };
    expect(
      evaluateRoleMapping({
        mapping: token('AuthenticatedRole'),
        claims,
        roles,
        customRoleArn: arn('GroupA'),
      }),
    ).toMatchObject({ roleArn: arn('GroupA'), source: 'custom_role_arn' });
    expect(
      evaluateRoleMapping({
        mapping: token('AuthenticatedRole'),
        claims,
        roles,
        customRoleArn: arn('Admin'),
      }),
    ).toMatchObject({ roleArn: null, source: 'deny' });
  });

  // "If the cognito:preferred_role claim is not set, the cognito:roles claim is set, and CustomRoleArn is
  // not specified …, then the Role resolution setting … AmbiguousRoleResolution … is used"
  it('applies AmbiguousRoleResolution without a preferred role', () => {
    const claims = { 'cognito:roles': two };
    expect(evaluateRoleMapping({ mapping: token('AuthenticatedRole'), claims, roles })).toMatchObject({
      roleArn: roles.authenticated,
      source: 'authenticated_role',
    });
    expect(evaluateRoleMapping({ mapping: token('Deny'), claims, roles })).toMatchObject({
      roleArn: null,
      source: 'deny',
    });
    expect(evaluateRoleMapping({ mapping: token('Deny'), claims: {}, roles }).source).toBe('deny');
  });

  // "The cognito:roles claim is a comma-separated string containing a set of allowed role ARNs."
  it('reads cognito:roles as a JSON array (ID tokens) or a comma-separated string (the guide)', () => {
    expect(tokenRoles({ 'cognito:roles': two })).toEqual(two);
    expect(tokenRoles({ 'cognito:roles': two.join(',') })).toEqual(two);
  });
});

describe('no mapping for the provider', () => {
  it('gives the authenticated role, or none when the pool has none', () => {
    expect(evaluateRoleMapping({ claims: {}, roles })).toMatchObject({
      roleArn: roles.authenticated,
      source: 'authenticated_role',
    });
    expect(evaluateRoleMapping({ claims: {}, roles: {} })).toMatchObject({
      roleArn: null,
      source: 'no_authenticated_role',
    });
  });
});

describe('roleNameOfArn', () => {
  it('reads the role name after its path', () => {
    expect(roleNameOfArn('arn:aws:iam::123456789012:role/service/acme-enterprise')).toBe('acme-enterprise');
    expect(roleNameOfArn('arn:aws:iam::123456789012:role/acme')).toBe('acme');
    expect(roleNameOfArn('arn:aws:iam::123:role/acme')).toBeNull();
  });
});

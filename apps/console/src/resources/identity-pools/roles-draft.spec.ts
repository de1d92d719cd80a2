import { describe, expect, it } from '@jest/globals';
import type { IdentityPoolDetail, IdentityPoolRolesView } from '@poolkeeper/contract';
import {
  canAddRule,
  draftOf,
  emptyRule,
  isDirty,
  moveRule,
  ruleField,
  toBody,
  validateDraft,
  warningsOfRule,
} from './roles-draft';

const key = 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123:client1';
const arn = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
const pool: IdentityPoolDetail = {
  id: 'eu-west-1:11111111-2222-3333-4444-555555555555',
  name: 'Customers',
  allowUnauthenticated: true,
  allowClassicFlow: false,
  userPoolProviders: [
    {
      providerName: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123',
      clientId: 'client1',
      serverSideTokenCheck: false,
      userPoolId: 'eu-west-1_Abc123',
      managed: true,
      mappingKey: key,
    },
  ],
  supportedLoginProviders: {},
  openIdConnectProviderArns: [],
  samlProviderArns: [],
  developerProviderName: null,
};
const view: IdentityPoolRolesView = {
  identityPoolId: pool.id,
  roles: { authenticated: arn('auth'), unauthenticated: arn('guest') },
  roleMappings: {
    [key]: {
      Type: 'Rules',
      AmbiguousRoleResolution: 'AuthenticatedRole',
      RulesConfiguration: {
        Rules: [
          { Claim: 'custom:plan', MatchType: 'Equals', Value: 'enterprise', RoleARN: arn('enterprise') },
          { Claim: 'cognito:groups', MatchType: 'Contains', Value: 'support', RoleARN: arn('support') },
        ],
      },
    },
  },
  warnings: [
    {
      kind: 'user_writable_claim',
      field: `roleMappings.${key}.rules.0`,
      message: 'w0',
      roleArn: arn('enterprise'),
    },
  ],
};

describe('roles draft', () => {
  it('round-trips what the API holds into the SetIdentityPoolRoles body', () => {
    const draft = draftOf(pool, view);
    expect(toBody(draft, '  why  ')).toEqual({
      roles: view.roles,
      roleMappings: view.roleMappings,
      reason: 'why',
    });
    expect(validateDraft(draft, '')).toBeNull();
    expect(isDirty(draft, draftOf(pool, view))).toBe(false);
  });

  it('moves rules up and down, keeping the saved warnings with the rule they are about', () => {
    const draft = draftOf(pool, view);
    const rules = draft.mappings[0]!.rules;
    const moved = moveRule(rules, 1, -1);
    expect(moved.map((r) => r.Claim)).toEqual(['cognito:groups', 'custom:plan']);
    expect(moveRule(rules, 0, -1)).toEqual(rules);
    expect(moveRule(rules, 1, 1)).toEqual(rules);
    expect(warningsOfRule(view.warnings, key, moved[1]!).map((w) => w.message)).toEqual(['w0']);
    expect(warningsOfRule(view.warnings, key, moved[0]!)).toEqual([]);
    const reordered = { ...draft, mappings: [{ ...draft.mappings[0]!, rules: moved }] };
    expect(isDirty(reordered, draft)).toBe(true);
    expect(toBody(reordered, '').roleMappings[key]!.RulesConfiguration!.Rules[0]!.Claim).toBe(
      'cognito:groups',
    );
  });

  it("validates with the contract: empty rule inputs, a Rules mapping with no rule, AWS's 25 rules", () => {
    const draft = draftOf(pool, view);
    const withEmpty = { ...draft, mappings: [{ ...draft.mappings[0]!, rules: [emptyRule()] }] };
    const problems = validateDraft(withEmpty, '')!;
    expect(Object.keys(problems)).toEqual(
      expect.arrayContaining([
        ruleField(key, 0, 'Claim'),
        ruleField(key, 0, 'Value'),
        ruleField(key, 0, 'RoleARN'),
      ]),
    );
    const none = { ...draft, mappings: [{ ...draft.mappings[0]!, rules: [] }] };
    expect(validateDraft(none, '')).toHaveProperty([`roleMappings.${key}.RulesConfiguration.Rules`]);
    const many = Array.from({ length: 26 }, () => ({ ...draft.mappings[0]!.rules[0]!, origin: null }));
    expect(canAddRule(many.slice(0, 24))).toBe(true);
    expect(canAddRule(many.slice(0, 25))).toBe(false);
    expect(
      validateDraft({ ...draft, mappings: [{ ...draft.mappings[0]!, rules: many }] }, ''),
    ).toHaveProperty([`roleMappings.${key}.RulesConfiguration.Rules`]);
  });

  it('leaves out a provider set to "no mapping" and roles left empty; Token has no rules', () => {
    const draft = draftOf(pool, view);
    expect(
      toBody({ ...draft, unauthenticated: '', mappings: [{ ...draft.mappings[0]!, kind: 'none' }] }, ''),
    ).toEqual({ roles: { authenticated: arn('auth') }, roleMappings: {} });
    expect(
      toBody({ ...draft, mappings: [{ ...draft.mappings[0]!, kind: 'Token', ambiguous: 'Deny' }] }, ''),
    ).toEqual({
      roles: view.roles,
      roleMappings: { [key]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
    });
  });
});

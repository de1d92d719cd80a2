import {
  type IdentityPoolRoleArns,
  type MappingRule,
  type RoleMapping,
  type RoleWarning,
  cognitoIdentityTrustPolicy,
  standardAttributeNames,
  trustsCognitoIdentity,
} from '@poolkeeper/contract';

/**
 * Warnings on an identity pool's roles and role mappings: what SetIdentityPoolRoles accepts but gives the
 * wrong people the wrong role. Pure: the caller brings the trust policies and the claims a token can carry.
 */
export interface WarningInput {
  identityPoolId: string;
  roles: IdentityPoolRoleArns;
  roleMappings: Record<string, RoleMapping>;
  /** Role ARN → its trust policy (JSON value), or null when IAM has no such role. */
  trustPolicies: ReadonlyMap<string, unknown>;
  /** Mapping key → the claims an ID token of that provider can carry (null: unknown provider, not checked). */
  tokenClaims: ReadonlyMap<string, ReadonlySet<string> | null>;
  /** Mapping key → claims the user can set themselves (mutable attributes the app client may write). */
  userWritableClaims: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Claims of every Cognito ID token the user cannot set (Developer Guide, "Understanding the identity token"). */
export const FIXED_ID_TOKEN_CLAIMS = [
  'sub',
  'iss',
  'aud',
  'token_use',
  'auth_time',
  'iat',
  'exp',
  'jti',
  'origin_jti',
  'event_id',
  'cognito:username',
  'cognito:groups',
  'cognito:roles',
  'cognito:preferred_role',
  'identities',
  'email_verified',
  'phone_number_verified',
] as const;

/** The claims an ID token of a user pool can carry: the fixed ones, standard attributes, its custom ones. */
export function userPoolTokenClaims(customAttributes: readonly string[]): Set<string> {
  return new Set<string>([...FIXED_ID_TOKEN_CLAIMS, ...standardClaims(), ...customAttributes]);
}

const standardClaims = (): string[] => [...standardAttributeNames];

/**
 * What a user can write of their own attributes through an app client: every mutable attribute when the
 * client sets no WriteAttributes (Cognito's default; the gateway exposes no WriteAttributes, so the default is
 * assumed), minus the claims Cognito fixes.
 */
export function userWritableClaims(customAttributes: readonly string[]): Set<string> {
  const fixed = new Set<string>(FIXED_ID_TOKEN_CLAIMS);
  return new Set([...standardClaims(), ...customAttributes].filter((c) => !fixed.has(c)));
}

/** True when `earlier` matches every claim value `later` matches (same claim). */
export function covers(earlier: MappingRule, later: MappingRule): boolean {
  if (earlier.Claim !== later.Claim) return false;
  const a = earlier.Value;
  const b = later.Value;
  switch (earlier.MatchType) {
    case 'Equals':
      return later.MatchType === 'Equals' && b === a;
    case 'Contains':
      return later.MatchType !== 'NotEqual' && b.includes(a);
    case 'StartsWith':
      return (later.MatchType === 'Equals' || later.MatchType === 'StartsWith') && b.startsWith(a);
    case 'NotEqual':
      return (later.MatchType === 'Equals' && b !== a) || (later.MatchType === 'NotEqual' && b === a);
  }
}

const roleField = (key: string, i: number) => `roleMappings.${key}.rules.${i}`;

export function roleWarnings(input: WarningInput): RoleWarning[] {
  const warnings: RoleWarning[] = [];
  const used: Array<{ arn: string; field: string; amr: 'authenticated' | 'unauthenticated' }> = [];
  if (input.roles.authenticated)
    used.push({ arn: input.roles.authenticated, field: 'roles.authenticated', amr: 'authenticated' });
  if (input.roles.unauthenticated)
    used.push({ arn: input.roles.unauthenticated, field: 'roles.unauthenticated', amr: 'unauthenticated' });
  for (const [key, mapping] of Object.entries(input.roleMappings)) {
    const rules = mapping.RulesConfiguration?.Rules ?? [];
    const known = input.tokenClaims.get(key) ?? null;
    const writable = input.userWritableClaims.get(key) ?? new Set<string>();
    rules.forEach((rule, i) => {
      used.push({ arn: rule.RoleARN, field: `${roleField(key, i)}.RoleARN`, amr: 'authenticated' });
      if (known && !known.has(rule.Claim))
        warnings.push({
          kind: 'rule_never_matches',
          field: roleField(key, i),
          message: `Rule ${i + 1} can never match: tokens of this provider have no ${JSON.stringify(rule.Claim)} claim.`,
          roleArn: rule.RoleARN,
        });
      const shadow = rules.slice(0, i).findIndex((earlier) => covers(earlier, rule));
      if (shadow >= 0)
        warnings.push({
          kind: 'rule_shadowed',
          field: roleField(key, i),
          message: `Rule ${i + 1} never decides: rule ${shadow + 1} matches every token it matches, and comes first.`,
          roleArn: rule.RoleARN,
        });
      if (writable.has(rule.Claim))
        warnings.push({
          kind: 'user_writable_claim',
          field: roleField(key, i),
          message: `Rule ${i + 1} uses ${JSON.stringify(rule.Claim)}, an attribute users can change themselves through the app client: they could pick their own role.`,
          roleArn: rule.RoleARN,
        });
    });
  }
  const seen = new Set<string>();
  for (const u of used) {
    const once = `${u.arn}|${u.amr}`;
    if (seen.has(once)) continue;
    seen.add(once);
    if (!input.trustPolicies.has(u.arn) || input.trustPolicies.get(u.arn) === null) {
      warnings.push({
        kind: 'role_not_found',
        field: u.field,
        message: `IAM has no role ${u.arn}: identities given it get no credentials.`,
        roleArn: u.arn,
      });
      continue;
    }
    const policy = input.trustPolicies.get(u.arn);
    const text = typeof policy === 'string' ? policy : JSON.stringify(policy);
    const trusted = trustsCognitoIdentity(text, {
      aud: input.identityPoolId,
      amr: [u.amr],
      sub: `${input.identityPoolId.split(':')[0]}:00000000-0000-0000-0000-000000000000`,
    });
    if (!trusted)
      warnings.push({
        kind: 'role_not_trusted',
        field: u.field,
        message: `The role's trust policy does not let cognito-identity.amazonaws.com assume it for this identity pool (aud) and amr "${u.amr}": GetCredentialsForIdentity fails with it.`,
        roleArn: u.arn,
        fixPolicy: cognitoIdentityTrustPolicy(input.identityPoolId, u.amr),
      });
  }
  return warnings;
}

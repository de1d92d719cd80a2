/**
 * Which IAM role an identity pool gives an authenticated identity: AWS's documented evaluation of an
 * identity pool's role mapping for one identity provider, shared by the local Cognito (which issues the
 * credentials) and the API ("which role would I get?"), so the two can never disagree. Pure, no deps.
 *
 * Sources (Amazon Cognito Developer Guide, "Using role-based access control",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html; API reference
 * RoleMapping, MappingRule, GetCredentialsForIdentity):
 * - Token: "Use the GetCredentialsForIdentity CustomRoleArn parameter if it is set and it matches a role in
 *   the cognito:roles claim. If this parameter doesn't match a role in cognito:roles, deny access. If the
 *   cognito:preferred_role claim is set, use it. If the cognito:preferred_role claim is not set, the
 *   cognito:roles claim is set, and CustomRoleArn is not specified …, then the Role resolution setting … or
 *   the AmbiguousRoleResolution field … is used to determine the role to be assigned."
 * - Rules: "Rules are evaluated in order, and the IAM role for the first matching rule is used, unless
 *   CustomRoleArn is specified to override the order." "If the match type is NotEqual and the claim doesn't
 *   exist, the rule is not evaluated. If no rules match, the Role resolution setting is applied to either
 *   Use default Authenticated role or DENY."
 * - RoleMapping.AmbiguousRoleResolution: "Specifies the action to be taken if either no rules match the
 *   claim value for the Rules type, or there is no cognito:preferred_role claim and there are multiple
 *   cognito:roles matches for the Token type." Valid values AuthenticatedRole | Deny.
 *
 * Where the documentation is silent, this module decides, and says so:
 * - a claim that is absent never matches (for every match type, not only NotEqual);
 * - a multi-valued claim (a JSON array such as `cognito:groups`) is compared as its values joined by
 *   commas, the form the guide gives for `cognito:roles` ("a comma-separated string"), so `Contains` finds a
 *   group and `Equals` matches only the whole list; numbers and booleans compare as their text;
 * - Token type with no `cognito:preferred_role` and no `cognito:roles` falls to AmbiguousRoleResolution;
 * - Rules type with a CustomRoleArn takes the first matching rule whose role it is, and denies when no
 *   matching rule has that role (as the Token type denies a CustomRoleArn the token does not allow);
 * - a provider without a role mapping gets the pool's authenticated role (CustomRoleArn is ignored).
 */

export const roleMappingTypes = ['Token', 'Rules'] as const;
export type RoleMappingType = (typeof roleMappingTypes)[number];

export const mappingRuleMatchTypes = ['Equals', 'Contains', 'StartsWith', 'NotEqual'] as const;
export type MappingRuleMatchType = (typeof mappingRuleMatchTypes)[number];

export const ambiguousRoleResolutions = ['AuthenticatedRole', 'Deny'] as const;
export type AmbiguousRoleResolution = (typeof ambiguousRoleResolutions)[number];

/** API_MappingRule, as the cognito-identity API spells it. */
export interface MappingRule {
  Claim: string;
  MatchType: MappingRuleMatchType;
  Value: string;
  RoleARN: string;
}

/** API_RoleMapping. */
export interface RoleMapping {
  Type: RoleMappingType;
  AmbiguousRoleResolution?: AmbiguousRoleResolution;
  RulesConfiguration?: { Rules: MappingRule[] };
}

/** The identity pool's `Roles` map: `authenticated` / `unauthenticated` → role ARN. */
export interface IdentityPoolRoleArns {
  authenticated?: string;
  unauthenticated?: string;
}

/** The claims of the provider's token (for a user pool: its ID token). */
export type TokenClaims = Readonly<Record<string, unknown>>;

export type RuleStatus = 'matched' | 'not_matched' | 'claim_missing' | 'not_evaluated';

export interface RuleResult {
  /** 0-based position in RulesConfiguration.Rules. */
  index: number;
  rule: MappingRule;
  status: RuleStatus;
  /** The claim's value as compared (null when absent). */
  claimValue: string | null;
  /** Plain words: why it matched, or why not. */
  reason: string;
}

export type RoleSource =
  'rule' | 'preferred_role' | 'custom_role_arn' | 'authenticated_role' | 'deny' | 'no_authenticated_role';

export interface RoleResolution {
  /** The role the identity gets, or null (denied, or no authenticated role configured). */
  roleArn: string | null;
  source: RoleSource;
  /** The rule that decided (Rules type), else null. */
  ruleIndex: number | null;
  /** One sentence on how the role was chosen. */
  explanation: string;
  /** Every rule of a Rules mapping, in order (empty for Token type or no mapping). */
  rules: RuleResult[];
}

export interface RoleMappingInput {
  /** The identity pool's RoleMappings entry for the provider the token came from (undefined: none). */
  mapping?: RoleMapping | undefined;
  claims: TokenClaims;
  roles: IdentityPoolRoleArns;
  /** GetCredentialsForIdentity's CustomRoleArn. */
  customRoleArn?: string | undefined;
}

/** A claim's value as a rule compares it (see the module comment), or null when absent. */
export function claimText(claims: TokenClaims, claim: string): string | null {
  if (!Object.prototype.hasOwnProperty.call(claims, claim)) return null;
  const value = claims[claim];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => String(v)).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `cognito:roles` as a list: a JSON array in the ID token, or the guide's comma-separated string. */
export function tokenRoles(claims: TokenClaims): string[] {
  const value = claims['cognito:roles'];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return [];
}

const quote = (s: string) => JSON.stringify(s);

function matchRule(rule: MappingRule, claims: TokenClaims, index: number): RuleResult {
  const claimValue = claimText(claims, rule.Claim);
  const base = { index, rule, claimValue };
  if (claimValue === null)
    return { ...base, status: 'claim_missing', reason: `The token has no ${quote(rule.Claim)} claim.` };
  const v = rule.Value;
  const shown = `${rule.Claim} is ${quote(claimValue)}`;
  const tests: Record<MappingRuleMatchType, [boolean, string, string]> = {
    Equals: [claimValue === v, `${shown}, equal to ${quote(v)}.`, `${shown}, not equal to ${quote(v)}.`],
    NotEqual: [claimValue !== v, `${shown}, not equal to ${quote(v)}.`, `${shown}, equal to ${quote(v)}.`],
    Contains: [
      claimValue.includes(v),
      `${shown}, which contains ${quote(v)}.`,
      `${shown}, which does not contain ${quote(v)}.`,
    ],
    StartsWith: [
      claimValue.startsWith(v),
      `${shown}, which starts with ${quote(v)}.`,
      `${shown}, which does not start with ${quote(v)}.`,
    ],
  };
  const [ok, yes, no] = tests[rule.MatchType];
  return { ...base, status: ok ? 'matched' : 'not_matched', reason: ok ? yes : no };
}

function ambiguous(
  mapping: RoleMapping,
  roles: IdentityPoolRoleArns,
  why: string,
  rules: RuleResult[],
): RoleResolution {
  if (mapping.AmbiguousRoleResolution === 'AuthenticatedRole') return authenticatedRole(roles, why, rules);
  return {
    roleArn: null,
    source: 'deny',
    ruleIndex: null,
    explanation: `${why} AmbiguousRoleResolution is Deny: no credentials.`,
    rules,
  };
}

function authenticatedRole(roles: IdentityPoolRoleArns, why: string, rules: RuleResult[]): RoleResolution {
  const arn = roles.authenticated;
  if (!arn)
    return {
      roleArn: null,
      source: 'no_authenticated_role',
      ruleIndex: null,
      explanation: `${why} The identity pool has no authenticated role.`,
      rules,
    };
  return {
    roleArn: arn,
    source: 'authenticated_role',
    ruleIndex: null,
    explanation: `${why} The identity pool's authenticated role applies.`,
    rules,
  };
}

function evaluateToken(input: RoleMappingInput, mapping: RoleMapping): RoleResolution {
  const allowed = tokenRoles(input.claims);
  const custom = input.customRoleArn;
  if (custom !== undefined) {
    if (allowed.includes(custom))
      return {
        roleArn: custom,
        source: 'custom_role_arn',
        ruleIndex: null,
        explanation: 'CustomRoleArn is one of the roles in the token (cognito:roles).',
        rules: [],
      };
    return {
      roleArn: null,
      source: 'deny',
      ruleIndex: null,
      explanation: 'CustomRoleArn is not one of the roles in the token (cognito:roles): access is denied.',
      rules: [],
    };
  }
  const preferred = input.claims['cognito:preferred_role'];
  if (typeof preferred === 'string' && preferred !== '')
    return {
      roleArn: preferred,
      source: 'preferred_role',
      ruleIndex: null,
      explanation: 'The token names a preferred role (cognito:preferred_role).',
      rules: [],
    };
  const why =
    allowed.length === 0
      ? 'The token has no cognito:preferred_role and no cognito:roles.'
      : `The token has no cognito:preferred_role and ${allowed.length} role(s) in cognito:roles.`;
  return ambiguous(mapping, input.roles, why, []);
}

function evaluateRules(input: RoleMappingInput, mapping: RoleMapping): RoleResolution {
  const rules = mapping.RulesConfiguration?.Rules ?? [];
  const custom = input.customRoleArn;
  const results: RuleResult[] = [];
  let chosen: RuleResult | undefined;
  rules.forEach((rule, index) => {
    if (chosen) {
      results.push({
        index,
        rule,
        status: 'not_evaluated',
        claimValue: claimText(input.claims, rule.Claim),
        reason: `Not evaluated: rule ${chosen.index + 1} matched first.`,
      });
      return;
    }
    const result = matchRule(rule, input.claims, index);
    if (result.status === 'matched' && custom !== undefined && rule.RoleARN !== custom) {
      results.push({ ...result, reason: `${result.reason} Its role is not the requested CustomRoleArn.` });
      return;
    }
    results.push(result);
    if (result.status === 'matched') chosen = result;
  });
  if (chosen)
    return {
      roleArn: chosen.rule.RoleARN,
      source: 'rule',
      ruleIndex: chosen.index,
      explanation: `Rule ${chosen.index + 1} is the first rule that matches: ${chosen.reason}`,
      rules: results,
    };
  if (custom !== undefined)
    return {
      roleArn: null,
      source: 'deny',
      ruleIndex: null,
      explanation: 'No matching rule has the requested CustomRoleArn: access is denied.',
      rules: results,
    };
  return ambiguous(mapping, input.roles, 'No rule matches.', results);
}

/** The role an authenticated identity gets for this provider's token, and why (see the module comment). */
export function evaluateRoleMapping(input: RoleMappingInput): RoleResolution {
  const mapping = input.mapping;
  if (!mapping) return authenticatedRole(input.roles, 'The provider has no role mapping.', []);
  return mapping.Type === 'Token' ? evaluateToken(input, mapping) : evaluateRules(input, mapping);
}

/** `arn:aws:iam::123456789012:role/path/name` → `name` (the last path segment), else null. */
export function roleNameOfArn(arn: string): string | null {
  const m = /^arn:[\w+=/,.@-]+:iam::\d{12}:role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
  return m ? (m[1] as string) : null;
}

/**
 * The roles editor's state, kept apart from the screens: the draft made from what the API holds, the
 * `SetIdentityPoolRolesBody` it becomes (checked with the contract schema before sending), the moves of
 * ordered rules, and where each API warning and field error belongs. Pure.
 */
import {
  type AmbiguousRoleResolution,
  type IdentityPoolDetail,
  type IdentityPoolRolesView,
  type MappingRuleMatchType,
  type RoleWarning,
  type SetIdentityPoolRolesBody,
  maxRulesPerRoleMapping,
  setIdentityPoolRolesBodySchema,
} from '@poolkeeper/contract';
import { validateBody, type FieldMessages } from '../../common/contract-form';

export interface RuleDraft {
  /** Stable React key. */
  key: string;
  Claim: string;
  MatchType: MappingRuleMatchType;
  Value: string;
  RoleARN: string;
  /** Its index in the saved mapping while it is unchanged (saved warnings stay beside it), else null. */
  origin: number | null;
}

export type MappingKind = 'none' | 'Token' | 'Rules';

export interface MappingDraft {
  /** The RoleMappings key: `<providerName>:<clientId>`, a social provider, an OIDC or SAML ARN. */
  provider: string;
  label: string;
  kind: MappingKind;
  ambiguous: AmbiguousRoleResolution;
  rules: RuleDraft[];
}

export interface RolesDraft {
  authenticated: string;
  unauthenticated: string;
  mappings: MappingDraft[];
}

let nextKey = 0;
const newKey = () => `rule-${++nextKey}`;

/** The providers a role mapping may name, as the API checks them (identity-pool-scope.ts mappingKeys). */
export function mappingProviders(pool: IdentityPoolDetail): Array<{ provider: string; label: string }> {
  return [
    ...pool.userPoolProviders.map((p) => ({
      provider: p.mappingKey,
      label: `User pool ${p.userPoolId ?? p.providerName}, app client ${p.clientId}`,
    })),
    ...Object.keys(pool.supportedLoginProviders).map((p) => ({ provider: p, label: p })),
    ...pool.openIdConnectProviderArns.map((p) => ({ provider: p, label: `OIDC ${p}` })),
    ...pool.samlProviderArns.map((p) => ({ provider: p, label: `SAML ${p}` })),
  ];
}

export function draftOf(pool: IdentityPoolDetail, view: IdentityPoolRolesView): RolesDraft {
  return {
    authenticated: view.roles.authenticated ?? '',
    unauthenticated: view.roles.unauthenticated ?? '',
    mappings: mappingProviders(pool).map(({ provider, label }) => {
      const m = view.roleMappings[provider];
      return {
        provider,
        label,
        kind: m ? m.Type : 'none',
        ambiguous: m?.AmbiguousRoleResolution ?? 'AuthenticatedRole',
        rules: (m?.RulesConfiguration?.Rules ?? []).map((r, i) => ({ ...r, key: newKey(), origin: i })),
      };
    }),
  };
}

export function emptyRule(): RuleDraft {
  return { key: newKey(), Claim: '', MatchType: 'Equals', Value: '', RoleARN: '', origin: null };
}

/** The body the save sends: empty roles and "no mapping" providers left out. */
export function toBody(draft: RolesDraft, reason: string): SetIdentityPoolRolesBody {
  const roles = {
    ...(draft.authenticated ? { authenticated: draft.authenticated } : {}),
    ...(draft.unauthenticated ? { unauthenticated: draft.unauthenticated } : {}),
  };
  const roleMappings: SetIdentityPoolRolesBody['roleMappings'] = {};
  for (const m of draft.mappings) {
    if (m.kind === 'none') continue;
    roleMappings[m.provider] = {
      Type: m.kind,
      AmbiguousRoleResolution: m.ambiguous,
      ...(m.kind === 'Rules'
        ? {
            RulesConfiguration: {
              Rules: m.rules.map(({ Claim, MatchType, Value, RoleARN }) => ({
                Claim: Claim.trim(),
                MatchType,
                Value,
                RoleARN,
              })),
            },
          }
        : {}),
    };
  }
  const trimmed = reason.trim();
  return { roles, roleMappings, ...(trimmed ? { reason: trimmed } : {}) };
}

/** The contract's problems with the body the draft would send, by its field path (null: none). */
export function validateDraft(draft: RolesDraft, reason: string): FieldMessages | null {
  return validateBody(setIdentityPoolRolesBodySchema, toBody(draft, reason), (field) => field);
}

/** The field path of a rule (or one of its inputs) in the body and in the API's errors. */
export function ruleField(provider: string, index: number, input?: keyof RuleDraft): string {
  const base = `roleMappings.${provider}.RulesConfiguration.Rules.${index}`;
  return input ? `${base}.${input}` : base;
}

/** The messages about one rule: the contract's and the API's, for the rule or any of its inputs. */
export function ruleMessages(errors: FieldMessages, provider: string, index: number): string[] {
  const base = ruleField(provider, index);
  return Object.entries(errors)
    .filter(([field]) => field === base)
    .map(([, message]) => message);
}

/** Messages about a mapping as a whole (its rule list, type, resolution), not one rule. */
export function mappingMessages(errors: FieldMessages, provider: string): string[] {
  const prefix = `roleMappings.${provider}`;
  return Object.entries(errors)
    .filter(
      ([field]) =>
        field === prefix ||
        field === `${prefix}.Type` ||
        field === `${prefix}.AmbiguousRoleResolution` ||
        field === `${prefix}.RulesConfiguration` ||
        field === `${prefix}.RulesConfiguration.Rules`,
    )
    .map(([, message]) => message);
}

/** Moves the rule at `index` one place up (-1) or down (+1); order decides: the first match wins. */
export function moveRule(rules: readonly RuleDraft[], index: number, by: -1 | 1): RuleDraft[] {
  const to = index + by;
  if (to < 0 || to >= rules.length) return [...rules];
  const next = [...rules];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved as RuleDraft);
  return next;
}

export const canAddRule = (rules: readonly RuleDraft[]) => rules.length < maxRulesPerRoleMapping;

/**
 * The API's warnings about the saved rule a draft rule still is (unchanged, `origin`): `rule_never_matches`,
 * `rule_shadowed`, `user_writable_claim`, and trust warnings on its role. Shadowing depends on the order:
 * after a move the saved warning may no longer hold until the mapping is saved again (the editor says so).
 */
export function warningsOfRule(warnings: readonly RoleWarning[], provider: string, rule: RuleDraft) {
  if (rule.origin === null) return [];
  const base = `roleMappings.${provider}.rules.${rule.origin}`;
  return warnings.filter((w) => w.field === base || w.field === `${base}.RoleARN`);
}

/** The API's warnings about the pool's authenticated or unauthenticated role, while it is the saved one. */
export function warningsOfRole(
  warnings: readonly RoleWarning[],
  which: 'authenticated' | 'unauthenticated',
  draftArn: string,
) {
  return warnings.filter((w) => w.field === `roles.${which}` && w.roleArn === draftArn);
}

/** Whether the draft differs from what is saved (then the saved warnings and answers are about the saved state). */
export function isDirty(draft: RolesDraft, saved: RolesDraft): boolean {
  return JSON.stringify(toBody(draft, '')) !== JSON.stringify(toBody(saved, ''));
}

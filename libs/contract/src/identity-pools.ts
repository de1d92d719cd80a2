import { z } from 'zod';
import { pageOf, reasonSchema } from './common';
import { ambiguousRoleResolutions, mappingRuleMatchTypes, roleMappingTypes } from './role-mapping';
import { roleArnSchema } from './groups';

/** `<region>:<uuid>` (API reference, IdentityPoolId pattern `[\w-]+:[0-9a-f-]+`). */
export const identityPoolIdSchema = z
  .string()
  .min(1, { error: 'is required', abort: true })
  .max(55)
  .regex(/^[\w-]+:[0-9a-f-]+$/, 'is not an identity pool id');

export const identityPoolSummarySchema = z
  .object({ id: z.string(), name: z.string() })
  .meta({ id: 'IdentityPoolSummary' });
export type IdentityPoolSummaryView = z.infer<typeof identityPoolSummarySchema>;
export const identityPoolPageSchema = pageOf(identityPoolSummarySchema).meta({ id: 'IdentityPoolPage' });

export const identityPoolDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    allowUnauthenticated: z.boolean(),
    allowClassicFlow: z.boolean(),
    userPoolProviders: z.array(
      z.object({
        providerName: z.string(),
        clientId: z.string(),
        serverSideTokenCheck: z.boolean(),
        /** The user pool id of the provider, and whether poolkeeper manages it. */
        userPoolId: z.string().nullable(),
        managed: z.boolean(),
        /** The RoleMappings key of this provider (`<providerName>:<clientId>`). */
        mappingKey: z.string(),
      }),
    ),
    supportedLoginProviders: z.record(z.string(), z.string()),
    openIdConnectProviderArns: z.array(z.string()),
    samlProviderArns: z.array(z.string()),
    developerProviderName: z.string().nullable(),
  })
  .meta({ id: 'IdentityPoolDetail' });
export type IdentityPoolDetail = z.infer<typeof identityPoolDetailSchema>;

export const listIdentityPoolsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(60).default(60),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, 'is not a cursor returned by this API')
    .optional(),
});
export type ListIdentityPoolsQuery = z.infer<typeof listIdentityPoolsQuerySchema>;

export const updateIdentityPoolBodySchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\w ]+$/, 'may hold letters, digits, _ and spaces only')
      .optional(),
    allowUnauthenticated: z.boolean().optional(),
    allowClassicFlow: z.boolean().optional(),
    reason: reasonSchema,
  })
  .strict()
  .meta({ id: 'UpdateIdentityPoolBody' });
export type UpdateIdentityPoolBody = z.infer<typeof updateIdentityPoolBodySchema>;

/** SetIdentityPoolRoles' limits (API reference): rules per role mapping, providers with a role mapping. */
export const maxRulesPerRoleMapping = 25;
export const maxRoleMappingProviders = 10;

export const mappingRuleSchema = z
  .object({
    Claim: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, 'is not a claim name'),
    MatchType: z.enum(mappingRuleMatchTypes),
    Value: z.string().min(1).max(128),
    RoleARN: roleArnSchema,
  })
  .strict();

/**
 * API_RoleMapping with SetIdentityPoolRoles' rules (API reference): AmbiguousRoleResolution is required
 * for Token and Rules; RulesConfiguration (1..25 rules) only and always for Rules.
 */
export const roleMappingSchema = z
  .object({
    Type: z.enum(roleMappingTypes),
    AmbiguousRoleResolution: z.enum(ambiguousRoleResolutions),
    RulesConfiguration: z
      .object({ Rules: z.array(mappingRuleSchema).min(1).max(maxRulesPerRoleMapping) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.Type === 'Rules' && !m.RulesConfiguration)
      ctx.addIssue({ code: 'custom', path: ['RulesConfiguration'], message: 'is required for Rules' });
    if (m.Type === 'Token' && m.RulesConfiguration)
      ctx.addIssue({ code: 'custom', path: ['RulesConfiguration'], message: 'is only for Rules' });
  });

export const roleWarningKinds = [
  'rule_never_matches',
  'rule_shadowed',
  'user_writable_claim',
  'role_not_trusted',
  'role_not_found',
] as const;
export type RoleWarningKind = (typeof roleWarningKinds)[number];

export const roleWarningSchema = z
  .object({
    kind: z.enum(roleWarningKinds),
    /** Where: `roles.authenticated`, `roleMappings.<key>.rules.<i>`. */
    field: z.string(),
    message: z.string(),
    roleArn: z.string().nullable(),
    /** role_not_trusted: the trust policy that fixes it. */
    fixPolicy: z.unknown().optional(),
  })
  .meta({ id: 'RoleWarning' });
export type RoleWarning = z.infer<typeof roleWarningSchema>;

export const identityPoolRolesSchema = z
  .object({
    identityPoolId: z.string(),
    roles: z.object({ authenticated: z.string().optional(), unauthenticated: z.string().optional() }),
    roleMappings: z.record(
      z.string(),
      z.object({
        Type: z.enum(roleMappingTypes),
        AmbiguousRoleResolution: z.enum(ambiguousRoleResolutions).optional(),
        RulesConfiguration: z
          .object({
            Rules: z.array(
              z.object({
                Claim: z.string(),
                MatchType: z.enum(mappingRuleMatchTypes),
                Value: z.string(),
                RoleARN: z.string(),
              }),
            ),
          })
          .optional(),
      }),
    ),
    warnings: z.array(roleWarningSchema),
  })
  .meta({ id: 'IdentityPoolRoles' });
export type IdentityPoolRolesView = z.infer<typeof identityPoolRolesSchema>;

export const setIdentityPoolRolesBodySchema = z
  .object({
    roles: z
      .object({ authenticated: roleArnSchema.optional(), unauthenticated: roleArnSchema.optional() })
      .strict(),
    /** At most 10 providers (API reference, SetIdentityPoolRoles RoleMappings). */
    roleMappings: z
      .record(z.string().min(1).max(128), roleMappingSchema)
      .default({})
      .refine((m) => Object.keys(m).length <= maxRoleMappingProviders, 'at most 10 providers'),
    reason: reasonSchema,
  })
  .strict()
  .meta({ id: 'SetIdentityPoolRolesBody' });
export type SetIdentityPoolRolesBody = z.infer<typeof setIdentityPoolRolesBodySchema>;

/**
 * GET …/which-role (a read, so a GET): `claims` is the ID token's claims as JSON, or `userPoolId` and
 * `username` name a user whose attributes and groups become the claims.
 */
export const whichRoleQuerySchema = z
  .object({
    /** The RoleMappings key (provider) the token comes from; default: the pool's first user-pool provider. */
    provider: z.string().min(1).max(256).optional(),
    claims: z
      .string()
      .max(8192)
      .transform((text, ctx) => {
        try {
          const v: unknown = JSON.parse(text);
          if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of claims' });
        return z.NEVER;
      })
      .optional(),
    userPoolId: z.string().min(1).max(55).optional(),
    username: z.string().min(1).max(128).optional(),
    customRoleArn: roleArnSchema.optional(),
  })
  .strict()
  .refine((q) => (q.claims === undefined) !== (q.username === undefined), 'give either claims or username')
  .refine((q) => (q.username === undefined) === (q.userPoolId === undefined), 'username needs userPoolId');
export type WhichRoleQuery = z.infer<typeof whichRoleQuerySchema>;

/**
 * POST …/which-role/preview: the same question as which-role, answered for a DRAFT of the roles and role
 * mappings (the editor's unsaved edits) instead of the saved ones. The draft is checked by the very rules of
 * SetIdentityPoolRoles (setIdentityPoolRolesBodySchema, without its audit reason); nothing is changed. A POST
 * only because the draft does not fit a query string; it declares a `.read` permission and is not audited.
 */
export const whichRolePreviewBodySchema = z
  .object({
    draft: setIdentityPoolRolesBodySchema.omit({ reason: true }),
    provider: z.string().min(1).max(256).optional(),
    /** The ID token's claims. */
    claims: z
      .record(z.string(), z.unknown())
      .refine((c) => JSON.stringify(c).length <= 8192, 'must be at most 8192 characters as JSON')
      .optional(),
    userPoolId: z.string().min(1).max(55).optional(),
    username: z.string().min(1).max(128).optional(),
    customRoleArn: roleArnSchema.optional(),
  })
  .strict()
  .refine((q) => (q.claims === undefined) !== (q.username === undefined), 'give either claims or username')
  .refine((q) => (q.username === undefined) === (q.userPoolId === undefined), 'username needs userPoolId')
  .meta({ id: 'WhichRolePreviewBody' });
export type WhichRolePreviewBody = z.infer<typeof whichRolePreviewBodySchema>;

export const whichRoleAnswerSchema = z
  .object({
    provider: z.string(),
    claims: z.record(z.string(), z.unknown()),
    roleArn: z.string().nullable(),
    source: z.string(),
    ruleIndex: z.number().nullable(),
    explanation: z.string(),
    rules: z.array(
      z.object({
        index: z.number(),
        status: z.string(),
        claimValue: z.string().nullable(),
        reason: z.string(),
      }),
    ),
  })
  .meta({ id: 'WhichRoleAnswer' });
export type WhichRoleAnswer = z.infer<typeof whichRoleAnswerSchema>;

export const iamRoleSchema = z
  .object({
    name: z.string(),
    arn: z.string(),
    path: z.string(),
    description: z.string().nullable(),
    createdAt: z.string().nullable(),
    trustPolicy: z.unknown(),
    /** With `identityPoolId`: whether the role trusts cognito-identity for it (per amr), else null. */
    trust: z.object({ authenticated: z.boolean(), unauthenticated: z.boolean() }).nullable(),
  })
  .meta({ id: 'IamRole' });
export type IamRoleView = z.infer<typeof iamRoleSchema>;
export const iamRolePageSchema = pageOf(iamRoleSchema).meta({ id: 'IamRolePage' });

export const listIamRolesQuerySchema = z.object({
  /** Case-insensitive substring of the role name (filtered here: ListRoles has no name filter). */
  search: z.string().trim().max(64).optional(),
  identityPoolId: identityPoolIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(1024).optional(),
});
export type ListIamRolesQuery = z.infer<typeof listIamRolesQuerySchema>;

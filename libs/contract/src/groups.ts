import { z } from 'zod';
import { pageOf, pageQuerySchema, reasonSchema } from './common';

/** GroupName as the API reference gives it: 1..128 of `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`. */
export const groupNameSchema = z
  .string()
  .min(1, { error: 'is required', abort: true })
  .max(128)
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, 'must not contain spaces or control characters');

/** Precedence: a non-negative integer, at most 2^31-1 (API reference, CreateGroup). */
export const MAX_GROUP_PRECEDENCE = 2147483647;
export const precedenceSchema = z
  .number({ error: 'must be a whole number from 0 to 2147483647' })
  .int('must be a whole number from 0 to 2147483647')
  .min(0, 'must be a whole number from 0 to 2147483647')
  .max(MAX_GROUP_PRECEDENCE, 'must be a whole number from 0 to 2147483647');

/**
 * A well-formed IAM role ARN: `arn:<partition>:iam::<12-digit account>:role/<path/>name` (IAM User Guide, "IAM
 * identifiers": role names are `[\w+=,.@-]`, 1..64; a path is `/` or `/…/`). CreateGroup's RoleArn is 20..2048.
 */
export const IAM_ROLE_ARN_PATTERN =
  /^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
export const roleArnSchema = z
  .string()
  .max(2048)
  .regex(IAM_ROLE_ARN_PATTERN, 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/Editors');

export const groupSchema = z
  .object({
    groupName: z.string(),
    description: z.string().nullable(),
    precedence: z.number().int().nullable(),
    roleArn: z.string().nullable(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'Group' });
export type Group = z.infer<typeof groupSchema>;

export const groupPageSchema = pageOf(groupSchema).meta({ id: 'GroupPage' });
export const listGroupsQuerySchema = pageQuerySchema;
export type ListGroupsQuery = z.infer<typeof listGroupsQuerySchema>;

export const createGroupBodySchema = z
  .object({
    groupName: groupNameSchema,
    description: z.string().max(2048).optional(),
    precedence: precedenceSchema.optional(),
    roleArn: roleArnSchema.optional(),
    reason: reasonSchema,
  })
  .strict()
  .meta({ id: 'CreateGroupBody' });
export type CreateGroupBody = z.infer<typeof createGroupBodySchema>;

/** What UpdateGroup changes: only the fields given (Cognito keeps the others). */
export const updateGroupBodySchema = z
  .object({
    description: z.string().max(2048).optional(),
    precedence: precedenceSchema.optional(),
    roleArn: roleArnSchema.optional(),
    reason: reasonSchema,
  })
  .strict()
  .refine((b) => b.description !== undefined || b.precedence !== undefined || b.roleArn !== undefined, {
    message: 'give at least one of description, precedence or roleArn',
    path: ['description'],
  })
  .meta({ id: 'UpdateGroupBody' });
export type UpdateGroupBody = z.infer<typeof updateGroupBodySchema>;

/** Deleting a group needs its name typed again. */
export const deleteGroupBodySchema = z
  .object({ confirm: z.string({ error: 'is required: type the group name' }).max(128), reason: reasonSchema })
  .strict()
  .meta({ id: 'DeleteGroupBody' });
export type DeleteGroupBody = z.infer<typeof deleteGroupBodySchema>;

export const groupMemberSchema = z
  .object({
    username: z.string(),
    email: z.string().nullable(),
    status: z.string(),
    enabled: z.boolean(),
  })
  .meta({ id: 'GroupMember' });
export type GroupMember = z.infer<typeof groupMemberSchema>;
export const groupMemberPageSchema = pageOf(groupMemberSchema).meta({ id: 'GroupMemberPage' });

/** The roles a user's ID and access tokens carry from their groups. */
export const tokenRolesSchema = z
  .object({
    /** `cognito:roles`: every role ARN of the user's groups (absent from tokens when empty). */
    roles: z.array(z.string()),
    /** `cognito:preferred_role`, or null when the token has none. */
    preferredRole: z.string().nullable(),
  })
  .meta({ id: 'TokenRoles' });
export type TokenRoles = z.infer<typeof tokenRolesSchema>;

export const userGroupsSchema = z
  .object({ groups: z.array(groupSchema), tokenRoles: tokenRolesSchema })
  .meta({ id: 'UserGroups' });
export type UserGroups = z.infer<typeof userGroupsSchema>;

/**
 * Which roles a token carries for a user in `groups`, the one place this is computed (console, API, the identity
 * pool evaluator). AWS, CreateGroup / GroupType "Precedence": "Groups with lower Precedence values take precedence
 * over groups with higher or null Precedence values. If a user belongs to two or more groups, it is the group with
 * the lowest precedence value whose role ARN is given in the user's tokens for the cognito:roles and
 * cognito:preferred_role claims. Two groups can have the same Precedence value … If two groups with the same
 * Precedence have the same role ARN, that role is used in the cognito:preferred_role claim … If the two groups have
 * different role ARNs, the cognito:preferred_role claim isn't set in users' tokens."
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html)
 * Groups without a role ARN take no part; `cognito:roles` lists every role ARN of the user's groups, best first.
 */
export function tokenRolesFor(
  groups: ReadonlyArray<{ precedence: number | null; roleArn: string | null }>,
): TokenRoles {
  const withRole = groups
    .filter((g): g is { precedence: number | null; roleArn: string } => !!g.roleArn)
    .map((g) => ({ rank: g.precedence ?? Number.POSITIVE_INFINITY, roleArn: g.roleArn }))
    .sort((a, b) => a.rank - b.rank);
  const roles = [...new Set(withRole.map((g) => g.roleArn))];
  const best = withRole[0];
  if (!best) return { roles, preferredRole: null };
  const tied = new Set(withRole.filter((g) => g.rank === best.rank).map((g) => g.roleArn));
  return { roles, preferredRole: tied.size === 1 ? best.roleArn : null };
}

import type { Group, GroupMember } from '@poolkeeper/contract';
import type { CognitoGroup, CognitoUser } from '@poolkeeper/cognito-gateway';

export function toGroup(group: CognitoGroup): Group {
  return {
    groupName: group.name,
    description: group.description,
    precedence: group.precedence,
    roleArn: group.roleArn,
    createdAt: group.createdAt ? group.createdAt.toISOString() : null,
    updatedAt: group.updatedAt ? group.updatedAt.toISOString() : null,
  };
}

export function toGroupMember(user: CognitoUser): GroupMember {
  return {
    username: user.username,
    email: user.attributes.email ?? null,
    status: user.status,
    enabled: user.enabled,
  };
}

type Editable = Pick<Group, 'description' | 'precedence' | 'roleArn'>;

/** Before/after of each field an update changes (fields given with their current value are left out). */
export function groupChanges(
  before: Editable,
  set: Partial<{ description: string; precedence: number; roleArn: string }>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of ['description', 'precedence', 'roleArn'] as const) {
    const after = set[field];
    if (after !== undefined && after !== before[field]) changes[field] = { before: before[field], after };
  }
  return changes;
}

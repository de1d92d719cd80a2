/**
 * Why a user's tokens carry the `cognito:preferred_role` they do, in words. The role itself is the API's
 * answer (`tokenRoles`, computed by the contract's `tokenRolesFor` after AWS's rule: the lowest precedence
 * wins; when the best groups tie on precedence with different roles no preferred role is set). This only
 * names the groups behind it.
 */
import type { Group, TokenRoles } from '@poolkeeper/contract';

export type TokenRoleExplanation =
  | { kind: 'no-role' }
  | { kind: 'preferred'; role: string; groups: string[]; precedence: number | null }
  | { kind: 'tie'; groups: string[]; precedence: number | null; roles: string[] };

type GroupLike = Pick<Group, 'groupName' | 'precedence' | 'roleArn'>;

const rank = (g: GroupLike) => g.precedence ?? Number.POSITIVE_INFINITY;

export function explainTokenRole(groups: readonly GroupLike[], tokenRoles: TokenRoles): TokenRoleExplanation {
  const withRole = groups.filter((g) => !!g.roleArn);
  if (withRole.length === 0 || tokenRoles.roles.length === 0) return { kind: 'no-role' };
  const best = Math.min(...withRole.map(rank));
  const top = withRole.filter((g) => rank(g) === best);
  const precedence = top[0]?.precedence ?? null;
  if (tokenRoles.preferredRole) {
    return {
      kind: 'preferred',
      role: tokenRoles.preferredRole,
      groups: top.filter((g) => g.roleArn === tokenRoles.preferredRole).map((g) => g.groupName),
      precedence,
    };
  }
  return {
    kind: 'tie',
    groups: top.map((g) => g.groupName),
    precedence,
    roles: [...new Set(top.map((g) => g.roleArn as string))],
  };
}

/** Precedence as the console shows it: lower wins; none ranks after every number. */
export function precedenceLabel(precedence: number | null): string {
  return precedence === null ? 'none' : String(precedence);
}

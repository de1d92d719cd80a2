/** Permissions every route declares; roles map to permissions in exactly one table. */
export const permissions = [
  'pools.read',
  'users.read',
  'users.create',
  'users.update',
  'users.delete',
  'users.enable-disable',
  'users.reset-password',
  'users.set-password',
  'users.sign-out',
  /** Resend an invitation (new temporary password) to a FORCE_CHANGE_PASSWORD user. */
  'users.resend-invitation',
  /** Confirm an UNCONFIRMED user's sign-up (admin only). */
  'users.confirm-sign-up',
  'groups.read',
  /** Create, edit and delete groups. */
  'groups.manage',
  /** Add users to groups and remove them. */
  'groups.members',
  /** Change a pool's MFA setting (SetUserPoolMfaConfig). */
  'pools.mfa-config',
  /** Remove a user's MFA factors (AdminDeleteSoftwareToken, AdminSetUserMFAPreference). */
  'users.reset-mfa',
  'audit.read',
  'identity-providers.read',
  'identity-providers.write',
  'identity-pools.read',
  'identity-pools.write',
  'iam-roles.read',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['admin', 'support', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** Which operator-pool group grants each role (ROLE_GROUP_<ROLE> overrides each). */
export type RoleGroups = Record<Role, string>;
export const defaultRoleGroups: RoleGroups = {
  admin: 'poolkeeper-admin',
  support: 'poolkeeper-support',
  auditor: 'poolkeeper-auditor',
};

const all = [...permissions];

/** The one permission → role table (expressed role → permissions). */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: all,
  support: [
    'pools.read',
    'users.read',
    'groups.read',
    'users.enable-disable',
    'users.reset-password',
    'users.sign-out',
    'users.resend-invitation',
    'users.reset-mfa',
    'identity-providers.read',
    'identity-pools.read',
    'iam-roles.read',
  ],
  auditor: [
    'pools.read',
    'users.read',
    'groups.read',
    'audit.read',
    'identity-providers.read',
    'identity-pools.read',
    'iam-roles.read',
  ],
};

export function permissionsForRoles(list: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of list) for (const p of rolePermissions[role]) granted.add(p);
  return permissions.filter((p) => granted.has(p));
}

export function can(granted: readonly Permission[], permission: Permission): boolean {
  return granted.includes(permission);
}

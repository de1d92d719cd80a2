import type { AuthProvider, UserIdentity } from 'react-admin';
import { can, meSchema, type Me, type Permission } from '@poolkeeper/contract';
import type { SignInResult } from './cognito-auth';
import { runSignInStep, SignInStepRequired, type LoginParams } from './sign-in-steps';
import { noteSessionExpired } from '../common/after-sign-in';
import { apiRequest } from './http-client';
import { clearTokens, endSession, forceRefresh, getAuthConfig, readTokens, saveTokens } from './session';

export type { LoginParams };

/**
 * Where signing out lands, as an absolute path: react-admin builds its own from the basename, which the
 * pool-scoped screens set to `/pools/<poolId>` (see pool-scope.tsx).
 */
export const loginPath = '/login';

/** Rejects `checkAuth`/`checkError`; `redirectTo` sends react-admin to the sign-in page, not `<basename>/login`. */
class SignInRequired extends Error {
  readonly redirectTo = loginPath;
}

let mePromise: Promise<Me> | null = null;

/** The signed-in principal from `GET /api/me`, fetched once per session. */
export function loadMe(): Promise<Me> {
  if (!mePromise) {
    mePromise = apiRequest<unknown>('/me')
      .then((body) => meSchema.parse(body))
      .catch((error: unknown) => {
        mePromise = null;
        throw error;
      });
  }
  return mePromise;
}

function finish(result: SignInResult): void {
  if (result.kind !== 'signed-in') throw new SignInStepRequired(result);
  mePromise = null;
  saveTokens(result.tokens);
}

/** Which permission a react-admin (resource, action) pair needs. */
function permissionFor(resource: string, action: string): Permission | null {
  if (resource === 'audit-events') return 'audit.read';
  if (resource === 'pools') return 'pools.read';
  if (resource === 'identity-pools')
    return action === 'edit' ? 'identity-pools.write' : 'identity-pools.read';
  if (resource === 'identity-pool-roles') return 'identity-pools.read';
  if (resource === 'iam-roles') return 'iam-roles.read';
  if (resource === 'identity-providers')
    return ['create', 'edit', 'delete'].includes(action)
      ? 'identity-providers.write'
      : 'identity-providers.read';
  if (resource === 'app-clients') return 'identity-providers.read';
  if (resource === 'group-members' || resource === 'user-groups') return 'groups.read';
  if (resource === 'groups')
    return action === 'create' || action === 'edit' || action === 'delete' ? 'groups.manage' : 'groups.read';
  if (resource === 'users') {
    switch (action) {
      case 'create':
        return 'users.create';
      case 'edit':
        return 'users.update';
      case 'delete':
        return 'users.delete';
      default:
        return 'users.read';
    }
  }
  return null;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error
    ? (error as { status?: number }).status
    : undefined;
}

export const authProvider: AuthProvider = {
  async login(params: LoginParams) {
    const config = await getAuthConfig();
    finish(await runSignInStep(config, params));
    await loadMe();
  },

  /** Revokes the refresh token (best effort, see `endSession`), then forgets the session. */
  async logout() {
    mePromise = null;
    await endSession();
    return loginPath;
  },

  async checkAuth() {
    const tokens = readTokens();
    if (!tokens) throw new SignInRequired('Sign in to continue.');
    if (tokens.expiresAt <= Date.now() && !(await forceRefresh())) {
      noteSessionExpired(window.location.hash);
      clearTokens();
      throw new SignInRequired('Your session has expired. Sign in again.');
    }
  },

  async checkError(error: unknown) {
    const status = statusOf(error);
    if (status === 401) {
      mePromise = null;
      if (readTokens()) noteSessionExpired(window.location.hash);
      clearTokens();
      throw new SignInRequired('Your session has expired. Sign in again.');
    }
    // 403 and everything else: stay signed in; the caller shows the API's message.
  },

  async getIdentity(): Promise<UserIdentity> {
    if (!readTokens()) throw new Error('Not signed in.');
    const me = await loadMe();
    return { id: me.sub, fullName: me.username, roles: me.roles };
  },

  async getPermissions(): Promise<Permission[]> {
    if (!readTokens()) return [];
    const me = await loadMe();
    return me.permissions;
  },

  async canAccess({ resource, action }) {
    const permission = permissionFor(resource, action);
    if (!permission) return true;
    // Signed out: nothing is accessible, and asking the API would only fail (and be retried).
    if (!readTokens()) return false;
    const me = await loadMe();
    return can(me.permissions, permission);
  },
};

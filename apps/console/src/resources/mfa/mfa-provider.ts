/**
 * The MFA data providers: `pool-mfa-config` (id = the pool id: GET / PUT `/pools/:poolId/mfa-config`) and
 * `user-mfa` (id = the username, `meta.poolId`: the user's factors; `resetUserMfa` removes them all).
 */
import type { GetOneParams, UpdateParams } from 'react-admin';
import type { PoolMfaConfig, SetPoolMfaConfigBody, UserMfa } from '@poolkeeper/contract';
import { poolBasePath } from '../../common/paths';
import { apiRequest } from '../../providers/http-client';
import { resourceProvider } from '../../providers/resource-provider';

export type PoolMfaConfigRecord = PoolMfaConfig & { id: string };
export type UserMfaRecord = UserMfa & { id: string };

const mfaConfigPath = (poolId: string) => `${poolBasePath(poolId)}/mfa-config`;
const userMfaPath = (poolId: string, username: string) =>
  `${poolBasePath(poolId)}/users/${encodeURIComponent(username)}`;

function poolIdOf(meta: unknown): string {
  const poolId = (meta as { poolId?: unknown } | undefined)?.poolId;
  if (typeof poolId !== 'string' || !poolId) throw new Error('user-mfa needs meta.poolId.');
  return poolId;
}

export const poolMfaConfigProvider = resourceProvider('pool-mfa-config', {
  async getOne(_resource: string, params: GetOneParams) {
    const poolId = String(params.id);
    return { data: { ...(await apiRequest<PoolMfaConfig>(mfaConfigPath(poolId))), id: poolId } };
  },

  async update(_resource: string, params: UpdateParams & { data: SetPoolMfaConfigBody }) {
    const poolId = String(params.id);
    const config = await apiRequest<PoolMfaConfig>(mfaConfigPath(poolId), {
      method: 'PUT',
      body: params.data,
    });
    return { data: { ...config, id: poolId } };
  },
});

export const userMfaProvider = resourceProvider('user-mfa', {
  async getOne(_resource: string, params: GetOneParams) {
    const username = String(params.id);
    const mfa = await apiRequest<UserMfa>(`${userMfaPath(poolIdOf(params.meta), username)}/mfa`);
    return { data: { ...mfa, id: username } };
  },

  async resetUserMfa(
    _resource: string,
    { poolId, username, reason }: { poolId: string; username: string; reason: string },
  ): Promise<UserMfaRecord> {
    const mfa = await apiRequest<UserMfa>(`${userMfaPath(poolId, username)}/reset-mfa`, {
      method: 'POST',
      body: { reason },
    });
    return { ...mfa, id: username };
  },
});

export type UserMfaDataProvider = typeof userMfaProvider;

/** How the console names each factor (Cognito's names in brackets where an operator may meet them). */
export const factorLabels: Record<string, string> = {
  SOFTWARE_TOKEN_MFA: 'Authenticator app (TOTP)',
  SMS_MFA: 'SMS text message',
  EMAIL_OTP: 'Email code',
};

export const modeLabels: Record<PoolMfaConfig['mode'], string> = {
  OFF: 'Off',
  OPTIONAL: 'Optional',
  ON: 'Required',
};

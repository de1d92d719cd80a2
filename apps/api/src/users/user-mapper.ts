import type { UserDetail, UserSummary } from '@poolkeeper/contract';
import type { CognitoUser, CognitoUserDetail } from '@poolkeeper/cognito-gateway';

export function toUserSummary(user: CognitoUser): UserSummary {
  const a = user.attributes;
  return {
    username: user.username,
    sub: a.sub ?? null,
    email: a.email ?? null,
    phoneNumber: a.phone_number ?? null,
    name: a.name ?? null,
    status: user.status,
    enabled: user.enabled,
    createdAt: user.createdAt ? user.createdAt.toISOString() : null,
    updatedAt: user.updatedAt ? user.updatedAt.toISOString() : null,
    attributes: { ...a },
  };
}

export function toUserDetail(user: CognitoUserDetail, groups: string[]): UserDetail {
  return {
    ...toUserSummary(user),
    groups: [...groups],
    mfa: { enabled: [...user.mfaEnabled], preferred: user.mfaPreferred },
  };
}

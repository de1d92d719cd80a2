import { createHash } from 'node:crypto';
import { notAuthorized } from '../../core/errors';
import { opaqueToken, uuid } from '../../core/ids';
import { signJwt } from '../../core/jwt';
import { nowSeconds } from '../../core/time';
import type { AppClient, Group, User, UserPool } from '../../state/model';
import type { OperationContext } from '../registry';

export const issuerFor = (endpoint: string, poolId: string) => `${endpoint}/${poolId}`;
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

function userGroups(pool: UserPool, user: User): Group[] {
  return user.groups
    .map((n) => pool.groups[n])
    .filter((g): g is Group => g !== undefined)
    .sort(
      (a, b) =>
        (a.precedence ?? Number.MAX_SAFE_INTEGER) - (b.precedence ?? Number.MAX_SAFE_INTEGER) ||
        a.name.localeCompare(b.name),
    );
}

export interface SignInContext {
  authTime: number; // epoch seconds
  originJti: string;
}

/** Signs the access and ID tokens of a sign-in (or of a refresh of it). */
export function signTokens(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  user: User,
  signIn: SignInContext,
) {
  const iat = nowSeconds(ctx.now());
  const iss = issuerFor(ctx.endpoint, pool.id);
  const eventId = uuid();
  const groups = userGroups(pool, user);
  const groupClaims = groups.length > 0 ? { 'cognito:groups': groups.map((g) => g.name) } : {};
  const access = {
    sub: user.sub,
    ...groupClaims,
    iss,
    client_id: client.id,
    origin_jti: signIn.originJti,
    event_id: eventId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: signIn.authTime,
    exp: iat + client.accessTokenValidity,
    iat,
    jti: uuid(),
    username: user.username,
  };
  const roles = groups.filter((g) => g.roleArn).map((g) => g.roleArn as string);
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(user.attributes))
    attributes[k] = BOOLEAN_ATTRIBUTES.has(k) ? v === 'true' : v;
  const id = {
    sub: user.sub,
    ...groupClaims,
    ...(roles.length > 0 ? { 'cognito:roles': roles, 'cognito:preferred_role': roles[0] } : {}),
    ...attributes,
    iss,
    'cognito:username': user.username,
    origin_jti: signIn.originJti,
    aud: client.id,
    event_id: eventId,
    token_use: 'id',
    auth_time: signIn.authTime,
    exp: iat + client.idTokenValidity,
    iat,
    jti: uuid(),
  };
  return {
    AccessToken: signJwt(access, ctx.signingKey.privateKey, ctx.signingKey.kid),
    ExpiresIn: client.accessTokenValidity,
    TokenType: 'Bearer',
    IdToken: signJwt(id, ctx.signingKey.privateKey, ctx.signingKey.kid),
  };
}

/** A full sign-in: access + ID tokens and a new opaque refresh token stored by digest. */
export function issueSignInTokens(ctx: OperationContext, pool: UserPool, client: AppClient, user: User) {
  const now = ctx.now();
  pruneExpiredRefreshTokens(ctx, now);
  const signIn = { authTime: nowSeconds(now), originJti: uuid() };
  const refreshToken = opaqueToken() + opaqueToken();
  ctx.state.refreshTokens[digest(refreshToken)] = {
    poolId: pool.id,
    clientId: client.id,
    sub: user.sub,
    issuedAt: now,
    expiresAt: now + client.refreshTokenValidity * 1000,
    authTime: signIn.authTime,
    originJti: signIn.originJti,
  };
  return { ...signTokens(ctx, pool, client, user, signIn), RefreshToken: refreshToken };
}

/** Exchanges a refresh token for new access + ID tokens, refusing revoked, expired or foreign ones. */
export function refreshTokens(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  refreshToken: string,
) {
  const record = ctx.state.refreshTokens[digest(refreshToken)];
  if (!record || record.clientId !== client.id || record.poolId !== pool.id)
    throw notAuthorized('Invalid Refresh Token');
  const now = ctx.now();
  if (record.expiresAt <= now) throw notAuthorized('Refresh Token has expired');
  const user = Object.values(pool.users).find((u) => u.sub === record.sub);
  if (!user) throw notAuthorized('Refresh Token has been revoked');
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (record.revoked) {
    throw notAuthorized('Refresh Token has been revoked');
  }
  return signTokens(ctx, pool, client, user, { authTime: record.authTime, originJti: record.originJti });
}

/** Marks every refresh token of a user revoked (global sign-out, disable, delete). */
export function revokeUserRefreshTokens(ctx: OperationContext, poolId: string, sub: string): void {
  for (const record of Object.values(ctx.state.refreshTokens)) {
    if (record.poolId === poolId && record.sub === sub) record.revoked = true;
  }
}

function pruneExpiredRefreshTokens(ctx: OperationContext, now: number): void {
  for (const [k, r] of Object.entries(ctx.state.refreshTokens))
    if (r.expiresAt <= now) delete ctx.state.refreshTokens[k];
}

import { createHash } from 'node:crypto';
import { notAuthorized } from '../../core/errors';
import { opaqueToken, uuid } from '../../core/ids';
import { signJwt } from '../../core/jwt';
import { nowSeconds } from '../../core/time';
import { touch } from '../../state/change-tracking';
import type { AppClient, Group, RefreshTokenRecord, User, UserPool } from '../../state/model';
import type { EmulatorContext, OperationContext } from '../registry';
import { findUserBySub } from './lookup';

/** The `iss` of a pool's tokens: `<endpoint>/<poolId>`, or AWS's shape in `aws` issuer mode. */
export function issuerFor(ctx: Pick<EmulatorContext, 'endpoint' | 'issuerMode'>, pool: UserPool): string {
  return ctx.issuerMode === 'aws'
    ? `https://cognito-idp.${pool.region}.amazonaws.com/${pool.id}`
    : `${ctx.endpoint}/${pool.id}`;
}

export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Access tokens can outlive the refresh token they came from by at most their own validity (≤ 1 day). */
const MAX_ACCESS_TOKEN_MS = 86_400_000;

const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

function userGroups(pool: UserPool, user: User): Group[] {
  return user.groups
    .map((n) => pool.groups.get(n))
    .filter((g): g is Group => g !== undefined)
    .sort(
      (a, b) =>
        (a.precedence ?? Number.MAX_SAFE_INTEGER) - (b.precedence ?? Number.MAX_SAFE_INTEGER) ||
        a.name.localeCompare(b.name),
    );
}

/**
 * The `cognito:roles` and `cognito:preferred_role` claims of a user's groups (API_CreateGroup, Precedence):
 * `cognito:roles` holds the RoleArn of every group that has one; `cognito:preferred_role` is the RoleArn of
 * the group with the lowest Precedence (null ranks after every number). When the best groups share a
 * Precedence, neither takes precedence: their role is preferred only if they all have the same RoleArn,
 * otherwise `cognito:preferred_role` is not set.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html
 */
export function roleClaims(groups: Group[]): Record<string, string | string[]> {
  const withRole = groups.filter((g) => g.roleArn !== undefined);
  if (withRole.length === 0) return {};
  const roles = [...new Set(withRole.map((g) => g.roleArn as string))];
  const rank = (g: Group) => g.precedence ?? Number.POSITIVE_INFINITY;
  const best = Math.min(...withRole.map(rank));
  const preferred = new Set(withRole.filter((g) => rank(g) === best).map((g) => g.roleArn as string));
  return {
    'cognito:roles': roles,
    ...(preferred.size === 1 ? { 'cognito:preferred_role': [...preferred][0] as string } : {}),
  };
}

export interface SignInContext {
  authTime: number; // epoch seconds
  originJti: string;
}

/**
 * Signs the access and ID tokens of a sign-in (or of a refresh of it). As Cognito's (with token revocation
 * on): both carry `origin_jti` (the sign-in session, shared by every refresh of it), their own `jti`,
 * `iat` and `exp` = `iat` + the app client's AccessTokenValidity / IdTokenValidity.
 */
export function signTokens(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  user: User,
  signIn: SignInContext,
) {
  const iat = nowSeconds(ctx.now());
  const iss = issuerFor(ctx, pool);
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
  const attributes = Object.fromEntries(
    Object.entries(user.attributes).map(([k, v]) => [k, BOOLEAN_ATTRIBUTES.has(k) ? v === 'true' : v]),
  );
  const id = {
    sub: user.sub,
    ...groupClaims,
    ...roleClaims(groups),
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
  ctx.state.refreshTokens.set(tokenDigest(refreshToken), {
    poolId: pool.id,
    clientId: client.id,
    sub: user.sub,
    issuedAt: now,
    expiresAt: now + client.refreshTokenValidity * 1000,
    authTime: signIn.authTime,
    originJti: signIn.originJti,
  });
  return { ...signTokens(ctx, pool, client, user, signIn), RefreshToken: refreshToken };
}

/** Exchanges a refresh token for new access + ID tokens, refusing revoked, expired or foreign ones. */
export function refreshTokens(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  refreshToken: string,
) {
  const record = ctx.state.refreshTokens.get(tokenDigest(refreshToken));
  if (!record || record.clientId !== client.id || record.poolId !== pool.id)
    throw notAuthorized('Invalid Refresh Token');
  const now = ctx.now();
  if (record.expiresAt <= now) throw notAuthorized('Refresh Token has expired');
  const user = findUserBySub(pool, record.sub);
  if (!user) throw notAuthorized('Refresh Token has been revoked');
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (record.revoked) {
    throw notAuthorized('Refresh Token has been revoked');
  }
  return signTokens(ctx, pool, client, user, { authTime: record.authTime, originJti: record.originJti });
}

/** The sign-in session an access or ID token came from (its `origin_jti`). */
export function sessionOf(ctx: OperationContext, originJti: unknown): RefreshTokenRecord | undefined {
  if (typeof originJti !== 'string') return undefined;
  for (const record of ctx.state.refreshTokens.values()) if (record.originJti === originJti) return record;
  return undefined;
}

/** Marks every refresh token of a user revoked (global sign-out, disable, delete): their access tokens too. */
export function revokeUserRefreshTokens(ctx: OperationContext, poolId: string, sub: string): void {
  for (const [digest, record] of ctx.state.refreshTokens) {
    if (record.poolId === poolId && record.sub === sub && !record.revoked) {
      touch(ctx.state.refreshTokens, digest, record);
      record.revoked = true;
    }
  }
}

/** Drops sessions whose refresh token and every access token issued from it have expired. */
function pruneExpiredRefreshTokens(ctx: OperationContext, now: number): void {
  for (const [k, r] of ctx.state.refreshTokens)
    if (r.expiresAt + MAX_ACCESS_TOKEN_MS <= now) ctx.state.refreshTokens.delete(k);
}

import { timingSafeEqual } from 'node:crypto';
import { AwsError, notAuthorized, userNotFound } from '../../core/errors';
import { decodeJwt, type JwtPayload, verifyJwtSignature } from '../../core/jwt';
import { optString, reqString } from '../../core/params';
import type { RefreshTokenRecord, User, UserPool } from '../../state/model';
import { mutation, type OperationContext, type Operations, query } from '../registry';
import { findPoolByClientId, findUserBySub, inRequestRegion } from './lookup';
import { issuerFor, revokeUserRefreshTokens, sessionOf, tokenDigest } from './tokens';
import { attributeList } from './views';

const INVALID = 'Invalid Access Token';
const SIGN_IN_SCOPE = 'aws.cognito.signin.user.admin';

export interface AuthorizedToken {
  pool: UserPool;
  user: User;
  claims: JwtPayload;
  session: RefreshTokenRecord;
}

/**
 * Authorizes an operation with a user's access token, as Cognito does for GetUser and GlobalSignOut:
 * a token that is not ours, not an access token or not for a live pool/client is NotAuthorizedException
 * "Invalid Access Token"; past `exp`, "Access Token has expired"; its user deleted, UserNotFoundException;
 * disabled, "User is disabled."; its sign-in session revoked (RevokeToken, GlobalSignOut,
 * AdminUserGlobalSignOut, AdminDisableUser), "Access Token has been revoked".
 */
export function authorizeAccessToken(ctx: OperationContext, token: string): AuthorizedToken {
  let claims: JwtPayload;
  try {
    claims = verifyJwtSignature(token, [ctx.signingKey.publicJwk]);
  } catch {
    throw notAuthorized(INVALID);
  }
  if (claims.token_use !== 'access') throw notAuthorized(INVALID);
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= ctx.now())
    throw notAuthorized('Access Token has expired');
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const pool = ctx.state.pools.get(iss.slice(iss.lastIndexOf('/') + 1));
  if (!pool || issuerFor(ctx, pool) !== iss || !inRequestRegion(ctx, pool)) throw notAuthorized(INVALID);
  if (typeof claims.client_id !== 'string' || !pool.clients.has(claims.client_id))
    throw notAuthorized(INVALID);
  if (typeof claims.scope !== 'string' || !claims.scope.split(' ').includes(SIGN_IN_SCOPE))
    throw notAuthorized('Access Token does not have required scopes');
  const user = typeof claims.sub === 'string' ? findUserBySub(pool, claims.sub) : undefined;
  if (!user) throw userNotFound();
  if (!user.enabled) throw notAuthorized('User is disabled.');
  const session = sessionOf(ctx, claims.origin_jti);
  if (!session || session.revoked || session.sub !== user.sub || session.poolId !== pool.id)
    throw notAuthorized('Access Token has been revoked');
  return { pool, user, claims, session };
}

const isJwt = (token: string) => {
  try {
    return typeof decodeJwt(token).header.alg === 'string';
  } catch {
    return false;
  }
};

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const unauthorized = (message: string) => new AwsError('UnauthorizedException', message);

export const tokenOperations: Operations = {
  /** API_GetUser: the signed-in user's attributes and MFA settings, authorized by their access token. */
  GetUser: query((input, ctx) => {
    const { user } = authorizeAccessToken(ctx, reqString(input, 'AccessToken'));
    return {
      Username: user.username,
      UserAttributes: attributeList(user),
      ...(user.preferredMfa ? { PreferredMfaSetting: user.preferredMfa } : {}),
      ...(user.mfaSettings && user.mfaSettings.length > 0
        ? { UserMFASettingList: [...user.mfaSettings] }
        : {}),
    };
  }),

  /**
   * API_GlobalSignOut: signs the user out of every session. Their refresh tokens stop working and every
   * access token of theirs answers "Access Token has been revoked" (tokens still verify by signature until
   * `exp`, as on AWS).
   */
  GlobalSignOut: mutation((input, ctx) => {
    const { pool, user } = authorizeAccessToken(ctx, reqString(input, 'AccessToken'));
    user.tokensValidAfter = ctx.now();
    revokeUserRefreshTokens(ctx, pool.id, user.sub);
    return {};
  }),

  /**
   * API_RevokeToken: revokes a refresh token and every access/ID token issued from it (same `origin_jti`);
   * the user's other sessions are untouched. Unsigned, so a browser can call it at sign-out. An unknown or
   * already revoked refresh token succeeds (RFC 7009 §2.2, which Cognito's revocation endpoint follows).
   */
  RevokeToken: mutation((input, ctx) => {
    const clientId = reqString(input, 'ClientId', { max: 128 });
    const token = reqString(input, 'Token');
    const secret = optString(input, 'ClientSecret', { max: 64 });
    const found = findPoolByClientId(ctx, clientId);
    if (!found) throw unauthorized(`Client ${clientId} is not allowed to revoke tokens.`);
    const { client } = found;
    if (client.secret !== undefined && !sameSecret(secret, client.secret))
      throw unauthorized(`Unable to verify the client secret of client ${clientId}.`);
    if (!client.enableTokenRevocation)
      throw new AwsError(
        'UnsupportedOperationException',
        `Token revocation is not enabled for client ${clientId}.`,
      );
    if (isJwt(token))
      throw new AwsError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
    const record = ctx.state.refreshTokens.get(tokenDigest(token));
    if (!record) return {};
    if (record.clientId !== client.id) throw unauthorized(`Client ${clientId} did not issue this token.`);
    record.revoked = true;
    return {};
  }),
};

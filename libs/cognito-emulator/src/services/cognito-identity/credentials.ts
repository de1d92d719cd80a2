/**
 * The identity-pool flow for tokens of the local user pools (the "enhanced" flow): GetId, then
 * GetCredentialsForIdentity (or GetOpenIdToken). As the Federated Identities API reference describes it:
 * - GetId without Logins makes a guest identity, only when the pool allows unauthenticated identities;
 *   with Logins it finds (or makes) the identity of that provider's subject.
 * - Logins of a user pool, `cognito-idp.<region>.amazonaws.com/<poolId>` → ID token, are verified against
 *   the local pool: RS256 signature by its key, `iss` of that pool, `token_use: id`, `aud` one of the app
 *   clients the identity pool lists for that provider, not expired; with ServerSideTokenCheck, its user
 *   still exists and its sign-in session is not revoked. Tokens of other providers (Google, …) cannot be
 *   verified here and are refused.
 * - GetCredentialsForIdentity picks the role with the shared evaluator (`evaluateRoleMapping`, the mapping
 *   of the key `<providerName>:<clientId>`), then "assumes" it as STS would: the role must exist in the local
 *   IAM and its trust policy must allow cognito-identity for this pool's `aud` and the `amr`, else
 *   InvalidIdentityPoolConfigurationException (the exception's documentation: "STS returned an error
 *   response to the request to assume the authenticated role"). The credentials are recorded so the local
 *   STS GetCallerIdentity answers `assumed-role/<role>/CognitoIdentityCredentials` for them.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { evaluateRoleMapping, type RoleResolution, trustsCognitoIdentity } from '@poolkeeper/contract';
import { AwsError, invalidParameter, notAuthorized, resourceNotFound } from '../../core/errors';
import { uuid } from '../../core/ids';
import { type JwtPayload, signJwt, verifyJwtSignature } from '../../core/jwt';
import { type Input, optObject, optString, reqString } from '../../core/params';
import { nowSeconds } from '../../core/time';
import type { Identity, IdentityPool } from '../../state/federation';
import { findRoleByArn } from '../iam/roles';
import { findUserBySub } from '../cognito-idp/lookup';
import { issuerFor, sessionOf } from '../cognito-idp/tokens';
import { mutation, type OperationContext, type Operations } from '../registry';
import { getIdentityPool } from './identity-pools';

/** Temporary credentials last an hour (GetCredentialsForIdentity's default session). */
export const CREDENTIALS_TTL_MS = 3_600_000;
/** GetOpenIdToken: "The OpenID token is valid for 10 minutes." */
const OPEN_ID_TOKEN_TTL_S = 600;
const USER_POOL_PROVIDER = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;

const badConfig = () =>
  new AwsError(
    'InvalidIdentityPoolConfigurationException',
    'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
  );
const invalidLogin = (why: string) => notAuthorized(`Invalid login token. ${why}`);
const loginsDontMatch = () =>
  notAuthorized(
    "Logins don't match. Please include at least one valid login for this identity or identity pool.",
  );
const noGuests = () => notAuthorized('Unauthenticated access is not supported for this identity pool.');

interface VerifiedLogin {
  providerName: string;
  clientId: string;
  subject: string;
  claims: JwtPayload;
}

/** Verifies one Logins entry: a local user pool's ID token, for a provider the identity pool lists. */
function verifyLogin(
  ctx: OperationContext,
  pool: IdentityPool,
  providerName: string,
  token: unknown,
): VerifiedLogin {
  if (typeof token !== 'string' || token === '')
    throw invalidParameter(`Logins.${providerName} must be a token.`);
  const configured = pool.cognitoIdentityProviders.filter((p) => p.ProviderName === providerName);
  const m = USER_POOL_PROVIDER.exec(providerName);
  if (configured.length === 0 || !m)
    throw notAuthorized('Token is not from a supported provider of this identity pool.');
  const userPool = ctx.state.pools.get(m[2] as string);
  if (!userPool || userPool.region !== m[1]) throw invalidLogin("Couldn't verify signed token.");
  let claims: JwtPayload;
  try {
    claims = verifyJwtSignature(token, [ctx.signingKey.publicJwk]);
  } catch {
    throw invalidLogin("Couldn't verify signed token.");
  }
  if (claims['iss'] !== issuerFor(ctx, userPool)) throw invalidLogin("Issuer doesn't match providerName.");
  if (claims['token_use'] !== 'id') throw invalidLogin('Token is not an ID token.');
  const aud = claims['aud'];
  const client = configured.find((p) => p.ClientId === aud);
  if (typeof aud !== 'string' || !client) throw invalidLogin('Incorrect token audience.');
  const exp = claims['exp'];
  if (typeof exp !== 'number' || exp <= nowSeconds(ctx.now())) throw invalidLogin('Token expired.');
  const subject = claims['sub'];
  if (typeof subject !== 'string') throw invalidLogin("Couldn't verify signed token.");
  // CognitoIdentityProvider.ServerSideTokenCheck: "the identity pool will check with the integrated user
  // pools to make sure that the user has not been globally signed out or deleted … If the user is signed
  // out or deleted, the identity pool will return a 400 Not Authorized error."
  if (client.ServerSideTokenCheck) {
    const session = sessionOf(ctx, claims['origin_jti']);
    if (!findUserBySub(userPool, subject) || !session || session.revoked)
      throw invalidLogin('The user was signed out or deleted (ServerSideTokenCheck).');
  }
  return { providerName, clientId: aud, subject, claims };
}

function verifyLogins(ctx: OperationContext, pool: IdentityPool, input: Input): VerifiedLogin[] {
  const logins = optObject(input, 'Logins') ?? {};
  const entries = Object.entries(logins);
  if (entries.length > 10) throw invalidParameter('Logins can have at most 10 entries.');
  return entries.map(([provider, token]) => verifyLogin(ctx, pool, provider, token));
}

const identityOf = (ctx: OperationContext, pool: IdentityPool, login: VerifiedLogin): Identity | undefined =>
  [...ctx.state.federation.identities.values()].find(
    (i) => i.poolId === pool.id && i.logins[login.providerName] === login.subject,
  );

function getIdentity(ctx: OperationContext, input: Input): { identity: Identity; pool: IdentityPool } {
  const id = reqString(input, 'IdentityId', { max: 55 });
  const identity = ctx.state.federation.identities.get(id);
  if (!identity) throw resourceNotFound(`Identity '${id}' not found.`);
  const pool = ctx.state.federation.identityPools.get(identity.poolId);
  if (!pool) throw resourceNotFound(`Identity '${id}' not found.`);
  return { identity, pool };
}

/** The logins of a call must be this identity's (a guest identity is linked to its first login). */
function checkLogins(ctx: OperationContext, pool: IdentityPool, identity: Identity, logins: VerifiedLogin[]) {
  if (logins.length === 0) {
    if (Object.keys(identity.logins).length > 0) throw loginsDontMatch();
    if (!pool.allowUnauthenticated) throw noGuests();
    return;
  }
  for (const login of logins) {
    const owner = identityOf(ctx, pool, login);
    if (owner && owner.id !== identity.id) throw loginsDontMatch();
    const known = identity.logins[login.providerName];
    if (known !== undefined && known !== login.subject) throw loginsDontMatch();
  }
  for (const login of logins) identity.logins[login.providerName] = login.subject;
}

const amrOf = (logins: VerifiedLogin[]) =>
  logins.length === 0
    ? ['unauthenticated']
    : ['authenticated', ...logins.flatMap((l) => [l.providerName, `${l.providerName}:${l.clientId}`])];

/** The role for this call, by the shared evaluator (authenticated) or the pool's guest role. */
export function chooseRole(
  pool: IdentityPool,
  logins: VerifiedLogin[],
  customRoleArn: string | undefined,
): { roleArn: string | null; resolution?: RoleResolution; mappingKey?: string } {
  const first = logins[0];
  if (!first) return { roleArn: pool.roles['unauthenticated'] ?? null };
  const mappingKey = `${first.providerName}:${first.clientId}`;
  const resolution = evaluateRoleMapping({
    mapping: pool.roleMappings[mappingKey],
    claims: first.claims,
    roles: { authenticated: pool.roles['authenticated'], unauthenticated: pool.roles['unauthenticated'] },
    customRoleArn,
  });
  return { roleArn: resolution.roleArn, resolution, mappingKey };
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const accessKeyId = () => `ASIA${Array.from({ length: 16 }, () => KEY_ALPHABET[randomInt(32)]).join('')}`;

function issueCredentials(ctx: OperationContext, identity: Identity, roleArn: string, roleId: string) {
  const now = ctx.now();
  const credentials = ctx.state.federation.credentials;
  // expired credentials are forgotten (STS answers them as unknown), keeping the state small
  for (const [key, c] of credentials) if (c.expiresAt <= now) credentials.delete(key);
  let id = accessKeyId();
  while (credentials.has(id)) id = accessKeyId();
  const secret = randomBytes(30).toString('base64');
  const expiresAt = now + CREDENTIALS_TTL_MS;
  credentials.set(id, {
    accessKeyId: id,
    secretDigest: createHash('sha256').update(secret).digest('base64url'),
    roleArn,
    roleId,
    identityId: identity.id,
    expiresAt,
  });
  return {
    AccessKeyId: id,
    SecretKey: secret,
    SessionToken: randomBytes(96).toString('base64'),
    Expiration: Math.floor(expiresAt / 1000),
  };
}

export const credentialOperations: Operations = {
  GetId: mutation((input, ctx) => {
    optString(input, 'AccountId', { min: 1, max: 15 });
    const pool = getIdentityPool(ctx, reqString(input, 'IdentityPoolId', { max: 55 }));
    const logins = verifyLogins(ctx, pool, input);
    const first = logins[0];
    const existing = first ? identityOf(ctx, pool, first) : undefined;
    if (existing) {
      checkLogins(ctx, pool, existing, logins);
      return { IdentityId: existing.id };
    }
    if (!first && !pool.allowUnauthenticated) throw noGuests();
    let id = `${pool.region}:${uuid()}`;
    while (ctx.state.federation.identities.has(id)) id = `${pool.region}:${uuid()}`;
    const identity: Identity = { id, poolId: pool.id, logins: Object.create(null), createdAt: ctx.now() };
    checkLogins(ctx, pool, identity, logins);
    ctx.state.federation.identities.set(id, identity);
    return { IdentityId: id };
  }),

  GetCredentialsForIdentity: mutation((input, ctx) => {
    const { identity, pool } = getIdentity(ctx, input);
    const logins = verifyLogins(ctx, pool, input);
    checkLogins(ctx, pool, identity, logins);
    const custom = optString(input, 'CustomRoleArn', { min: 20, max: 2048 });
    const { roleArn, resolution, mappingKey } = chooseRole(pool, logins, custom);
    if (roleArn === null) {
      if (resolution?.source === 'deny')
        throw notAuthorized(
          custom !== undefined
            ? `Invalid CustomRoleArn for: ${mappingKey}. ${resolution.explanation}`
            : `The ambiguous role mapping rules for: ${mappingKey} denied this request.`,
        );
      throw badConfig();
    }
    const role = findRoleByArn(ctx, roleArn);
    const trusted =
      role !== undefined &&
      trustsCognitoIdentity(role.assumeRolePolicyDocument, {
        aud: pool.id,
        amr: amrOf(logins),
        sub: identity.id,
      });
    if (!role || !trusted) throw badConfig();
    return { IdentityId: identity.id, Credentials: issueCredentials(ctx, identity, role.arn, role.id) };
  }),

  GetOpenIdToken: mutation((input, ctx) => {
    const { identity, pool } = getIdentity(ctx, input);
    const logins = verifyLogins(ctx, pool, input);
    checkLogins(ctx, pool, identity, logins);
    const iat = nowSeconds(ctx.now());
    const token = signJwt(
      {
        sub: identity.id,
        aud: pool.id,
        amr: amrOf(logins),
        iss: 'https://cognito-identity.amazonaws.com',
        iat,
        exp: iat + OPEN_ID_TOKEN_TTL_S,
      },
      ctx.signingKey.privateKey,
      ctx.signingKey.kid,
    );
    return { IdentityId: identity.id, Token: token };
  }),
};

import { issuerFor } from '../services/cognito-idp/tokens';
import type { OperationContext } from '../services/registry';
import { HttpReply, jsonReply } from '../protocol/http-io';

/** `GET /<poolId>/.well-known/jwks.json` and `/.well-known/openid-configuration`; undefined if not such a path. */
export function wellKnownReply(pathname: string, ctx: OperationContext): HttpReply | undefined {
  const m = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(pathname);
  if (!m) return undefined;
  const poolId = decodeURIComponent(m[1] as string);
  if (!ctx.state.pools[poolId]) return jsonReply(404, { message: `User pool ${poolId} does not exist.` });
  if (m[2] === 'jwks.json') return jsonReply(200, { keys: [ctx.signingKey.publicJwk] });
  const issuer = issuerFor(ctx.endpoint, poolId);
  return jsonReply(200, {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    userinfo_endpoint: `${issuer}/oauth2/userInfo`,
    response_types_supported: ['code', 'token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  });
}

import type { IncomingMessage } from 'node:http';
import { HttpReply, jsonReply } from '../protocol/http-io';
import type { EmulatorContext } from '../services/registry';
import { issuerFor } from '../services/cognito-idp/tokens';

/** A plain-path endpoint (not an AWS protocol): `/health`, `/<poolId>/.well-known/*`, later `/oauth2/*`. */
export interface PathRoute {
  methods: readonly string[];
  pattern: RegExp;
  handle(match: RegExpExecArray, req: IncomingMessage, ctx: EmulatorContext): HttpReply | Promise<HttpReply>;
}

const health: PathRoute = {
  methods: ['GET', 'HEAD'],
  pattern: /^\/health$/,
  handle: () => jsonReply(200, { status: 'ok', service: 'poolkeeper-cognito-emulator' }),
};

/** `GET /<poolId>/.well-known/jwks.json` and `/<poolId>/.well-known/openid-configuration`. */
const poolWellKnown: PathRoute = {
  methods: ['GET', 'HEAD'],
  pattern: /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/,
  handle(m, _req, ctx) {
    const poolId = decodeURIComponent(m[1] as string);
    const pool = ctx.state.pools.get(poolId);
    if (!pool) return jsonReply(404, { message: `User pool ${poolId} does not exist.` });
    if (m[2] === 'jwks.json') return jsonReply(200, { keys: [ctx.signingKey.publicJwk] });
    const issuer = issuerFor(ctx, pool);
    const base = `${ctx.endpoint}/${pool.id}`; // where the emulator serves this pool, whatever the issuer says
    return jsonReply(200, {
      issuer,
      jwks_uri: `${base}/.well-known/jwks.json`,
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      userinfo_endpoint: `${base}/oauth2/userInfo`,
      response_types_supported: ['code', 'token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
  },
};

export const pathRoutes: readonly PathRoute[] = [health, poolWellKnown];

import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, jwtVerify } from 'jose';
import passport from 'passport';
import passportJwt from 'passport-jwt';
import type { Request } from 'express';

export interface JoseBearerOptions {
  jwksUri: string;
  issuer: string;
  /** Test seam: the key set (default: jose's remote JWKS with cache, cooldown and timeout). */
  keys?: JWTVerifyGetKey;
}

/** What the strategy hands to `validate`: the verified claims and the token itself (for revocation checks). */
export type VerifiedCallback = (
  claims: JWTPayload,
  token: string,
  done: (error: unknown, user?: unknown, info?: unknown) => void,
) => void;

const extractBearer = passportJwt.ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * A passport strategy (hosted by @nestjs/passport like passport-jwt's) whose verification is jose's: RS256 only,
 * keys from the pool's JWKS through `createRemoteJWKSet` (cached; an unknown `kid` refetches, at most once per
 * cooldown), `iss` checked, and `exp`, `iat` and `sub` required — a token without `exp` never verifies.
 */
export class JoseBearerStrategy extends passport.Strategy {
  override name = 'jose-bearer';
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly options: JoseBearerOptions,
    private readonly verified: VerifiedCallback,
  ) {
    super();
    this.keys =
      options.keys ??
      createRemoteJWKSet(new URL(options.jwksUri), {
        cacheMaxAge: 10 * 60_000,
        cooldownDuration: 30_000,
        timeoutDuration: 5_000,
      });
  }

  override authenticate(req: Request): void {
    const token = extractBearer(req);
    if (!token) {
      this.fail(new Error('missing bearer token'), 401);
      return;
    }
    jwtVerify(token, this.keys, {
      algorithms: ['RS256'],
      issuer: this.options.issuer,
      requiredClaims: ['exp', 'iat', 'sub'],
    }).then(
      ({ payload }) =>
        this.verified(payload, token, (error, user, info) => {
          if (error) this.error(error);
          else if (!user) this.fail(info ?? new Error('token refused'), 401);
          else this.success(user, info as object | undefined);
        }),
      (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error)), 401),
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passportJwt from 'passport-jwt';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../app/tokens';
import { issuerFor } from './issuer';
import type { SigningKeyProvider } from './jwks-key-provider';
import { type Principal, principalFromClaims } from './principal';

export const SIGNING_KEY_PROVIDER = Symbol('SIGNING_KEY_PROVIDER');
export const OPERATOR_JWT = 'operator-jwt';

const { ExtractJwt, Strategy } = passportJwt;

/** Verifies operator-pool access tokens: RS256 via JWKS, iss, exp, then token_use and client_id. */
@Injectable()
export class OperatorJwtStrategy extends PassportStrategy(Strategy, OPERATOR_JWT) {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(SIGNING_KEY_PROVIDER) keys: SigningKeyProvider,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_req: unknown, rawJwt: string, done: (err: unknown, key?: string) => void) => {
        keys.keyFor(rawJwt).then(
          (key) => done(null, key.export({ format: 'pem', type: 'spki' }).toString()),
          (err: unknown) => done(err),
        );
      },
      algorithms: ['RS256'],
      issuer: issuerFor(config.cognito),
      ignoreExpiration: false,
    });
  }

  validate(claims: Record<string, unknown>): Principal {
    return principalFromClaims(claims, this.config.cognito.operatorClientIds, this.config.cognito.roleGroups);
  }
}

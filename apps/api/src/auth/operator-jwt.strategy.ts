import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { userPoolIssuer, userPoolJwksUri } from '@poolkeeper/contract';
import type { JWTPayload } from 'jose';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../app/tokens';
import { JoseBearerStrategy } from './jose-bearer.strategy';
import { OperatorRecheck } from './operator-recheck';
import { type Principal, principalFromClaims } from './principal';

export const OPERATOR_JWT = 'operator-jwt';

/** Where the operator pool's tokens come from: `iss` and JWKS (the endpoint override, else AWS's). */
export function operatorIssuer(cognito: ApiConfig['cognito']): { issuer: string; jwksUri: string } {
  const poolId = cognito.operatorPoolId ?? 'us-east-1_unset';
  return {
    issuer: userPoolIssuer(poolId, cognito.endpoint),
    jwksUri: userPoolJwksUri(poolId, cognito.endpoint),
  };
}

/**
 * Operator-pool access tokens: jose verifies signature (JWKS), `iss`, `exp`; then `token_use` and `client_id`
 * are checked, and the operator is re-checked against the operator pool (OperatorRecheck).
 */
@Injectable()
export class OperatorJwtStrategy extends PassportStrategy(JoseBearerStrategy, OPERATOR_JWT) {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly recheck: OperatorRecheck,
  ) {
    super(operatorIssuer(config.cognito));
  }

  async validate(claims: JWTPayload, token: string): Promise<Principal> {
    const principal = principalFromClaims(
      claims as Record<string, unknown>,
      this.config.cognito.operatorClientIds,
      this.config.cognito.roleGroups,
    );
    return this.recheck.confirm(principal, token);
  }
}

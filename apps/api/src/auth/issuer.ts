import type { CognitoConfig } from '../config/api-config';

/** `iss` of the operator pool's tokens: `<endpoint>/<poolId>` with an endpoint override, else the AWS one. */
export function issuerFor(cognito: Pick<CognitoConfig, 'endpoint' | 'region' | 'operatorPoolId'>): string {
  const base = cognito.endpoint ?? `https://cognito-idp.${cognito.region}.amazonaws.com`;
  return `${base}/${cognito.operatorPoolId ?? ''}`;
}

export function jwksUriFor(cognito: Pick<CognitoConfig, 'endpoint' | 'region' | 'operatorPoolId'>): string {
  return `${issuerFor(cognito)}/.well-known/jwks.json`;
}

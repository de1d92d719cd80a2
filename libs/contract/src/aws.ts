import { z } from 'zod';

/**
 * Facts about AWS that both apps need: id shapes, regions, endpoints, issuers and the awsJson1_1 call shape.
 * One place each (house rule 13).
 */

/** A user pool id is `<region>_<id>` (API reference, UserPoolId: `[\w-]+_[0-9a-zA-Z]+`, at most 55 characters). */
export const USER_POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;

export const poolIdSchema = z
  .string()
  .max(55)
  .regex(USER_POOL_ID_PATTERN, 'must be a user pool id such as us-east-1_AbC123');

/** The region a user pool lives in, read from its id (`eu-west-1_AbC123` → `eu-west-1`). */
export function regionOfUserPool(poolId: string): string {
  const at = poolId.indexOf('_');
  if (at <= 0 || !USER_POOL_ID_PATTERN.test(poolId)) {
    throw new Error(`not a user pool id: ${JSON.stringify(poolId)}`);
  }
  return poolId.slice(0, at);
}

/** An identity pool id is `<region>:<uuid>` (API reference, IdentityPoolId: `[\w-]+:[0-9a-f-]+`). */
export const IDENTITY_POOL_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;

export function regionOfIdentityPool(identityPoolId: string): string {
  const at = identityPoolId.indexOf(':');
  if (at <= 0 || !IDENTITY_POOL_ID_PATTERN.test(identityPoolId)) {
    throw new Error(`not an identity pool id: ${JSON.stringify(identityPoolId)}`);
  }
  return identityPoolId.slice(0, at);
}

/** Cognito user pools' public regional endpoint (what the SDK resolves when no override is set). */
export function cognitoIdpEndpoint(region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com`;
}

/**
 * `iss` of a user pool's tokens: `<endpoint>/<poolId>`. On AWS the endpoint is the regional one; a local
 * Cognito (or any endpoint override) issues under its own URL.
 */
export function userPoolIssuer(poolId: string, endpointOverride: string | null = null): string {
  const base = (endpointOverride ?? cognitoIdpEndpoint(regionOfUserPool(poolId))).replace(/\/+$/, '');
  return `${base}/${poolId}`;
}

export function userPoolJwksUri(poolId: string, endpointOverride: string | null = null): string {
  return `${userPoolIssuer(poolId, endpointOverride)}/.well-known/jwks.json`;
}

/** awsJson1_1 target prefix of cognito-idp (`X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`). */
export const COGNITO_IDP_TARGET_PREFIX = 'AWSCognitoIdentityProviderService';

export interface AwsJsonAnswer {
  status: number;
  // The body is whatever the service answered: a JSON object, or `{}` when it sent none.
  body: Record<string, unknown>;
}

/**
 * One unsigned awsJson1_1 call (`POST /`, `Content-Type: application/x-amz-json-1.1`), as a browser or a test
 * makes it without the AWS SDK: InitiateAuth, RespondToAuthChallenge, RevokeToken, GetUser. Network failures
 * reject; any HTTP answer resolves with its status and parsed body (a non-JSON body reads as `{}`).
 */
export async function awsJsonCall(
  endpoint: string,
  operation: string,
  input: unknown,
  options: { targetPrefix?: string; signal?: AbortSignal } = {},
): Promise<AwsJsonAnswer> {
  const targetPrefix = options.targetPrefix ?? COGNITO_IDP_TARGET_PREFIX;
  const response = await fetch(endpoint, {
    method: 'POST',
    ...(options.signal ? { signal: options.signal } : {}),
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `${targetPrefix}.${operation}`,
    },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      body = parsed as Record<string, unknown>;
    }
  } catch {
    // Not JSON (a proxy's error page): the status tells what happened.
  }
  return { status: response.status, body };
}

/** AWS error name of an awsJson error body: `__type` may be `aws.protocol#Name` or `Name`. */
export function awsErrorName(body: Record<string, unknown>): string | null {
  const raw = body['__type'] ?? body['code'];
  if (typeof raw !== 'string' || raw === '') return null;
  return raw.includes('#') ? raw.slice(raw.lastIndexOf('#') + 1) : raw;
}

import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { GatewayConfig } from './types';

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/**
 * The cognito-idp SDK client. Standard retry mode retries throttling, 5xx and transient network errors
 * with exponential backoff and jitter, up to `maxAttempts` attempts in total. Without `credentials` the SDK
 * default chain applies (env, profile, SSO, web identity, container/instance metadata).
 */
export function createIdpClient(config: GatewayConfig): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: { ...config.credentials } } : {}),
    maxAttempts: config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: config.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    },
  });
}

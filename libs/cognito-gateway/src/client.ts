import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import type { GatewayConfig } from './config';

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** The AWS SDK's documented switch for its Node-version notice (aws/aws-sdk-js-v3#7983). */
export const NODE_VERSION_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Silences only the SDK's `NodeVersionSupportWarning` ("versions published after January 2027 will require
 * node >=22"), printed once per process on Node 20 at the first client construction: noise at every start and
 * in every test run. Uses the SDK's own switch, so every other warning still shows; an operator who sets the
 * variable explicitly (e.g. `false`) keeps their choice.
 */
export function quietNodeVersionWarning(): void {
  process.env[NODE_VERSION_WARNING_SWITCH] ??= 'true';
}

/**
 * Options every SDK client of ours shares. Standard retry mode retries throttling, 5xx and transient network
 * errors with exponential backoff and jitter, up to `maxAttempts` attempts in total. Without `credentials` the
 * SDK default chain applies (env, profile, SSO, web identity, container/instance metadata).
 */
function sdkOptions(config: Omit<GatewayConfig, 'defaultRegion'>, region: string, endpoint?: string) {
  quietNodeVersionWarning();
  return {
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(config.credentials ? { credentials: { ...config.credentials } } : {}),
    maxAttempts: config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: config.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    },
  };
}

/** Per-service client options for one region (`endpoint` is that service's override, if any). */
export interface ClientOptions extends Omit<GatewayConfig, 'defaultRegion' | 'endpoints'> {
  region: string;
  endpoint?: string;
}

export function createIdpClient(options: ClientOptions): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(sdkOptions(options, options.region, options.endpoint));
}

export function createIdentityClient(options: ClientOptions): CognitoIdentityClient {
  return new CognitoIdentityClient(sdkOptions(options, options.region, options.endpoint));
}

export function createIamClient(options: ClientOptions): IAMClient {
  return new IAMClient(sdkOptions(options, options.region, options.endpoint));
}

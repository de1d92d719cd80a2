import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/**
 * A real SDK client for the local Cognito (dummy credentials). Silences only the SDK's own
 * `NodeVersionSupportWarning` on Node 20 with the SDK's documented switch (aws/aws-sdk-js-v3#7983), unless
 * the variable is set explicitly; every other warning still shows. Mirrors the gateway's client construction.
 */
export function localSdkClient(
  endpoint: string,
  region: string,
  options: { maxAttempts?: number } = {},
): CognitoIdentityProviderClient {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  return new CognitoIdentityProviderClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...options,
  });
}

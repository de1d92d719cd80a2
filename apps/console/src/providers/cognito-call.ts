/**
 * One unsigned Cognito call from the browser (awsJson1_1, no AWS SDK), with Cognito's errors as
 * `CognitoError` and a plain message when the service cannot be reached.
 */
import { type AuthConfig, awsErrorName, awsJsonCall, cognitoIdpEndpoint } from '@poolkeeper/contract';

/** A Cognito error (`{ __type, message }`), with the plain message Cognito gave. */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

function endpointOf(config: AuthConfig): string {
  return config.endpoint ?? `${cognitoIdpEndpoint(config.region)}/`;
}

export async function cognitoCall<T>(
  config: AuthConfig,
  target: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let answer: Awaited<ReturnType<typeof awsJsonCall>>;
  try {
    answer = await awsJsonCall(endpointOf(config), target, body, signal ? { signal } : {});
  } catch {
    throw new CognitoError(
      'NetworkError',
      'Cannot reach the sign-in service. Check your connection and try again.',
      0,
    );
  }
  const json = answer.body;
  if (answer.status < 200 || answer.status >= 300) {
    const type = awsErrorName(json) ?? 'UnknownError';
    const message = String(json['message'] ?? json['Message'] ?? `Sign-in failed (HTTP ${answer.status}).`);
    throw new CognitoError(type, message, answer.status);
  }
  return json as T;
}

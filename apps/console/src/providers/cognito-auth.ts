/**
 * A tiny fetch-based client for the Cognito calls the console needs (no AWS SDK in the browser), all
 * public (unsigned) operations: InitiateAuth (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH),
 * RespondToAuthChallenge (NEW_PASSWORD_REQUIRED) and RevokeToken (sign-out).
 */
import { type AuthConfig, awsErrorName, awsJsonCall, cognitoIdpEndpoint } from '@poolkeeper/contract';

export interface CognitoTokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
}

export type SignInResult =
  | { kind: 'signed-in'; tokens: CognitoTokens }
  | { kind: 'new-password-required'; session: string; username: string };

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

interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

interface InitiateAuthResponse {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
}

function endpointOf(config: AuthConfig): string {
  return config.endpoint ?? `${cognitoIdpEndpoint(config.region)}/`;
}

async function call<T>(config: AuthConfig, target: string, body: unknown, signal?: AbortSignal): Promise<T> {
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

function toTokens(result: AuthenticationResult, previousRefreshToken?: string): CognitoTokens {
  const refreshToken = result.RefreshToken ?? previousRefreshToken;
  if (!refreshToken) throw new CognitoError('InvalidResponse', 'Cognito returned no refresh token.', 0);
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    refreshToken,
    expiresAt: Date.now() + result.ExpiresIn * 1000,
  };
}

function toSignInResult(response: InitiateAuthResponse, username: string): SignInResult {
  if (response.AuthenticationResult)
    return { kind: 'signed-in', tokens: toTokens(response.AuthenticationResult) };
  if (response.ChallengeName === 'NEW_PASSWORD_REQUIRED' && response.Session) {
    const challengeUser = response.ChallengeParameters?.['USER_ID_FOR_SRP'] ?? username;
    return { kind: 'new-password-required', session: response.Session, username: challengeUser };
  }
  throw new CognitoError(
    'UnsupportedChallenge',
    `This account needs a sign-in step the console does not support (${response.ChallengeName ?? 'unknown'}).`,
    0,
  );
}

export async function signIn(config: AuthConfig, username: string, password: string): Promise<SignInResult> {
  const response = await call<InitiateAuthResponse>(config, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: config.clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return toSignInResult(response, username);
}

export async function completeNewPassword(
  config: AuthConfig,
  username: string,
  session: string,
  newPassword: string,
): Promise<SignInResult> {
  const response = await call<InitiateAuthResponse>(config, 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: config.clientId,
    Session: session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
  });
  return toSignInResult(response, username);
}

export async function refreshTokens(config: AuthConfig, refreshToken: string): Promise<CognitoTokens> {
  const response = await call<InitiateAuthResponse>(config, 'InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: config.clientId,
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
  if (!response.AuthenticationResult)
    throw new CognitoError('NotAuthorizedException', 'Your session has expired.', 400);
  return toTokens(response.AuthenticationResult, refreshToken);
}

/**
 * Revokes the refresh token and the access tokens issued with it: the session cannot be renewed
 * afterwards. A public operation like InitiateAuth (no IAM signature); the app client has no secret.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
 */
export async function revokeToken(
  config: AuthConfig,
  refreshToken: string,
  signal?: AbortSignal,
): Promise<void> {
  await call<unknown>(config, 'RevokeToken', { ClientId: config.clientId, Token: refreshToken }, signal);
}

/**
 * A tiny fetch-based client for the Cognito sign-in calls the console needs (no AWS SDK in the browser), all
 * public (unsigned) operations: InitiateAuth (USER_SRP_AUTH, or USER_PASSWORD_AUTH where the app client
 * allows only that; REFRESH_TOKEN_AUTH), RespondToAuthChallenge (PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED,
 * SOFTWARE_TOKEN_MFA, MFA_SETUP) and RevokeToken (sign-out). MFA set-up calls are in cognito-mfa-setup.ts.
 */
import type { AuthConfig } from '@poolkeeper/contract';
import { CognitoError, cognitoCall as call } from './cognito-call';
import {
  newEphemeral,
  passwordVerifierResponses,
  srpA,
  type PasswordVerifierChallenge,
} from './srp/srp-client';

export { CognitoError };

export interface CognitoTokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
}

/** A challenge the operator must answer: `username` is the one Cognito wants back in ChallengeResponses. */
export type SignInChallenge = {
  kind: 'new-password-required' | 'software-token-mfa' | 'mfa-setup';
  session: string;
  username: string;
};

export type SignInResult = { kind: 'signed-in'; tokens: CognitoTokens } | SignInChallenge;

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

const CHALLENGES: Readonly<Record<string, SignInChallenge['kind']>> = {
  NEW_PASSWORD_REQUIRED: 'new-password-required',
  SOFTWARE_TOKEN_MFA: 'software-token-mfa',
  MFA_SETUP: 'mfa-setup',
};

function toSignInResult(response: InitiateAuthResponse, username: string): SignInResult {
  if (response.AuthenticationResult)
    return { kind: 'signed-in', tokens: toTokens(response.AuthenticationResult) };
  const kind = response.ChallengeName ? CHALLENGES[response.ChallengeName] : undefined;
  if (kind && response.Session) {
    const challengeUser = response.ChallengeParameters?.['USER_ID_FOR_SRP'] ?? username;
    return { kind, session: response.Session, username: challengeUser };
  }
  throw new CognitoError(
    'UnsupportedChallenge',
    `This account needs a sign-in step the console does not support (${response.ChallengeName ?? 'unknown'}).`,
    0,
  );
}

/**
 * Whether InitiateAuth refused USER_SRP_AUTH because the app client does not allow it (ExplicitAuthFlows
 * without ALLOW_USER_SRP_AUTH): Cognito answers InvalidParameterException "USER_SRP_AUTH flow not enabled
 * for this client" (API_InitiateAuth, Errors). Only then does the console fall back to USER_PASSWORD_AUTH.
 */
export function srpNotEnabled(error: unknown): boolean {
  return (
    error instanceof CognitoError &&
    error.type === 'InvalidParameterException' &&
    /USER_SRP_AUTH/.test(error.message)
  );
}

/** USER_SRP_AUTH: the password never leaves the browser; Cognito gets A and then a signature. */
async function srpSignIn(config: AuthConfig, username: string, password: string): Promise<SignInResult> {
  const ephemeral = newEphemeral();
  const started = await call<InitiateAuthResponse>(config, 'InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: config.clientId,
    AuthParameters: { USERNAME: username, SRP_A: srpA(ephemeral) },
  });
  const parameters = started.ChallengeParameters ?? {};
  if (started.ChallengeName !== 'PASSWORD_VERIFIER' || !parameters['SRP_B'] || !parameters['SALT'])
    return toSignInResult(started, username);
  const challenge: PasswordVerifierChallenge = {
    SRP_B: parameters['SRP_B'],
    SALT: parameters['SALT'],
    SECRET_BLOCK: parameters['SECRET_BLOCK'] ?? '',
    USER_ID_FOR_SRP: parameters['USER_ID_FOR_SRP'] ?? username,
  };
  const responses = await passwordVerifierResponses(config.userPoolId, password, ephemeral, challenge);
  const answered = await call<InitiateAuthResponse>(config, 'RespondToAuthChallenge', {
    ChallengeName: 'PASSWORD_VERIFIER',
    ClientId: config.clientId,
    ...(started.Session ? { Session: started.Session } : {}),
    ChallengeResponses: responses,
  });
  return toSignInResult(answered, challenge.USER_ID_FOR_SRP);
}

async function passwordSignIn(config: AuthConfig, username: string, password: string): Promise<SignInResult> {
  const response = await call<InitiateAuthResponse>(config, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: config.clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return toSignInResult(response, username);
}

/**
 * Signs in with SRP; where the app client allows only USER_PASSWORD_AUTH (the documented refusal above), with
 * the password over TLS instead. Nothing to configure: one extra round trip for such clients.
 */
export async function signIn(config: AuthConfig, username: string, password: string): Promise<SignInResult> {
  try {
    return await srpSignIn(config, username, password);
  } catch (error) {
    if (!srpNotEnabled(error)) throw error;
    return passwordSignIn(config, username, password);
  }
}

async function respond(
  config: AuthConfig,
  challengeName: string,
  session: string,
  username: string,
  responses: Record<string, string>,
): Promise<SignInResult> {
  const response = await call<InitiateAuthResponse>(config, 'RespondToAuthChallenge', {
    ChallengeName: challengeName,
    ClientId: config.clientId,
    Session: session,
    ChallengeResponses: { USERNAME: username, ...responses },
  });
  return toSignInResult(response, username);
}

export const completeNewPassword = (
  config: AuthConfig,
  username: string,
  session: string,
  newPassword: string,
) => respond(config, 'NEW_PASSWORD_REQUIRED', session, username, { NEW_PASSWORD: newPassword });

/** SOFTWARE_TOKEN_MFA: the code from the operator's authenticator app. */
export const answerSoftwareTokenMfa = (config: AuthConfig, username: string, session: string, code: string) =>
  respond(config, 'SOFTWARE_TOKEN_MFA', session, username, { SOFTWARE_TOKEN_MFA_CODE: code });

/** MFA_SETUP, once VerifySoftwareToken accepted a code with the session it returned. */
export const completeMfaSetup = (config: AuthConfig, username: string, session: string) =>
  respond(config, 'MFA_SETUP', session, username, {});

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

/**
 * The steps of an operator's sign-in, as the login page drives them: password (SRP), then whatever Cognito
 * asks — a new password, the code from an authenticator app (SOFTWARE_TOKEN_MFA), or setting one up
 * (MFA_SETUP). Each step's Cognito errors become plain messages; an expired challenge session sends the
 * operator back to the password step.
 */
import type { AuthConfig } from '@poolkeeper/contract';
import {
  answerSoftwareTokenMfa,
  CognitoError,
  completeMfaSetup,
  completeNewPassword,
  signIn,
  type SignInChallenge,
  type SignInResult,
} from './cognito-auth';
import { associateSoftwareToken, verifySoftwareToken } from './cognito-mfa-setup';

export type LoginParams =
  | { username: string; password: string }
  | { step: 'new-password'; username: string; session: string; newPassword: string }
  | { step: 'mfa-code'; username: string; session: string; code: string }
  /** `session` is the one AssociateSoftwareToken returned (see `startMfaSetup`). */
  | { step: 'mfa-setup'; username: string; session: string; code: string };

/** Thrown by `login` when Cognito asks for another step; the login page then shows it. */
export class SignInStepRequired extends Error {
  constructor(readonly challenge: SignInChallenge) {
    super(
      challenge.kind === 'new-password-required'
        ? 'Choose a new password to finish signing in.'
        : challenge.kind === 'software-token-mfa'
          ? 'Enter the code from your authenticator app.'
          : 'Set up an authenticator app to finish signing in.',
    );
    this.name = 'SignInStepRequired';
  }
}

/** A challenge session Cognito no longer accepts (they last minutes, and a code step allows a few tries). */
export class SignInSessionExpired extends Error {
  constructor() {
    super('This sign-in step expired. Enter your username and password again.');
    this.name = 'SignInSessionExpired';
  }
}

export const wrongMfaCode =
  'That code is not right. Enter the current 6-digit code from your authenticator app (codes change every 30 seconds).';
export const wrongSetupCode =
  'That code does not match the new authenticator. Check that the app added this account and its clock is right, then enter its current 6-digit code.';

function plain(error: unknown, inChallenge: boolean): unknown {
  if (!(error instanceof CognitoError)) return error;
  if (error.type === 'CodeMismatchException') return new Error(wrongMfaCode);
  if (error.type === 'EnableSoftwareTokenMFAException') return new Error(wrongSetupCode);
  if (inChallenge && error.type === 'NotAuthorizedException' && /session/i.test(error.message))
    return new SignInSessionExpired();
  return error;
}

async function step(config: AuthConfig, params: LoginParams): Promise<SignInResult> {
  const username = params.username.trim();
  if (!('step' in params)) return signIn(config, username, params.password);
  switch (params.step) {
    case 'new-password':
      return completeNewPassword(config, username, params.session, params.newPassword);
    case 'mfa-code':
      return answerSoftwareTokenMfa(config, username, params.session, params.code);
    case 'mfa-setup': {
      const verified = await verifySoftwareToken(config, params.session, params.code, 'poolkeeper console');
      return completeMfaSetup(config, username, verified.session);
    }
  }
}

/** One sign-in step against Cognito, its errors in plain words. */
export async function runSignInStep(config: AuthConfig, params: LoginParams): Promise<SignInResult> {
  try {
    return await step(config, params);
  } catch (error) {
    throw plain(error, 'step' in params);
  }
}

/** MFA_SETUP's first call: a new TOTP secret for the operator's authenticator app, and the next session. */
export async function startMfaSetup(
  config: AuthConfig,
  session: string,
): Promise<{ secretCode: string; session: string }> {
  try {
    return await associateSoftwareToken(config, session);
  } catch (error) {
    throw plain(error, true);
  }
}

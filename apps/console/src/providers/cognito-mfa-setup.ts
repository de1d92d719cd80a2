/**
 * The MFA_SETUP challenge's calls (public, with the challenge Session instead of an access token):
 * AssociateSoftwareToken hands out a TOTP secret, VerifySoftwareToken checks a code from the operator's
 * authenticator app. Each answer carries the Session for the next call.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
 */
import type { AuthConfig } from '@poolkeeper/contract';
import { CognitoError, cognitoCall } from './cognito-call';

export async function associateSoftwareToken(
  config: AuthConfig,
  session: string,
): Promise<{ secretCode: string; session: string }> {
  const answer = await cognitoCall<{ SecretCode?: string; Session?: string }>(
    config,
    'AssociateSoftwareToken',
    {
      Session: session,
    },
  );
  if (!answer.SecretCode || !answer.Session)
    throw new CognitoError('InvalidResponse', 'Cognito returned no authenticator secret.', 0);
  return { secretCode: answer.SecretCode, session: answer.Session };
}

export async function verifySoftwareToken(
  config: AuthConfig,
  session: string,
  code: string,
  friendlyDeviceName: string,
): Promise<{ session: string }> {
  const answer = await cognitoCall<{ Status?: string; Session?: string }>(config, 'VerifySoftwareToken', {
    Session: session,
    UserCode: code,
    FriendlyDeviceName: friendlyDeviceName,
  });
  if (answer.Status !== 'SUCCESS' || !answer.Session)
    throw new CognitoError('EnableSoftwareTokenMFAException', 'The code was not accepted.', 400);
  return { session: answer.Session };
}

/**
 * The otpauth URI authenticator apps read from a QR code (Key Uri Format: issuer and account label,
 * base32 secret, TOTP with SHA-1, 6 digits, 30 s — what Cognito checks).
 */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${params.toString()}`;
}

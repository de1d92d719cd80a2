import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { defaultRoleGroups, type Role } from '@poolkeeper/contract';
import { totpCode } from '../core/totp';
import { OPERATOR_POOL_NAME } from './names';

type Client = CognitoIdentityProviderClient;

/**
 * Operators enrolled in TOTP with a fixed secret (README, "Demo sign-in"), so the local demo and the browser
 * specs can sign in to the console through the SOFTWARE_TOKEN_MFA step. The operator pool's MFA is OPTIONAL:
 * the other operators keep signing in with a password only.
 */
export const OPERATOR_TOTP_USERS: ReadonlyArray<{ username: string; role: Role; secret: string }> = [
  { username: 'support-totp', role: 'support', secret: 'OBXW63DLMVSXAZLSFVXXAZLSMF2G64RB' },
];

/** The emulator's TOTP secret for a seeded TOTP operator (see demoTotpSecretFor). */
export function operatorTotpSecretFor(poolName: string, username: string): string | undefined {
  if (poolName !== OPERATOR_POOL_NAME) return undefined;
  return OPERATOR_TOTP_USERS.find((u) => u.username === username.toLowerCase())?.secret;
}

const enrolled = (user: { UserMFASettingList?: string[] }) =>
  (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');

/**
 * Creates the TOTP operators (idempotent) and enrols each like an authenticator app would: sign in through the
 * console client, AssociateSoftwareToken, VerifySoftwareToken with the current code, TOTP preferred. The
 * emulator hands out the documented secret when started with `totpSecretFor` (the CLI's `--seed`); otherwise
 * the random one it returns is used, so enrolment works either way.
 */
export async function seedTotpOperators(
  client: Client,
  poolId: string,
  clientId: string,
  password: string,
): Promise<void> {
  for (const operator of OPERATOR_TOTP_USERS) {
    const base = { UserPoolId: poolId, Username: operator.username };
    const existing = await client.send(new AdminGetUserCommand(base)).catch((err: Error) => {
      if (err.name === 'UserNotFoundException') return null;
      throw err;
    });
    if (!existing) {
      await client.send(
        new AdminCreateUserCommand({
          ...base,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: `${operator.username}@poolkeeper.local` },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: 'Poolkeeper Support (TOTP)' },
          ],
        }),
      );
      await client.send(new AdminSetUserPasswordCommand({ ...base, Password: password, Permanent: true }));
    }
    await client.send(
      new AdminAddUserToGroupCommand({ ...base, GroupName: defaultRoleGroups[operator.role] }),
    );
    if (existing && enrolled(existing)) continue;
    const signedIn = await client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: operator.username, PASSWORD: password },
      }),
    );
    const AccessToken = signedIn.AuthenticationResult?.AccessToken;
    if (!AccessToken)
      throw new Error(`seed: ${operator.username} did not sign in (${signedIn.ChallengeName})`);
    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await client.send(
      new VerifySoftwareTokenCommand({
        AccessToken,
        UserCode: totpCode(SecretCode as string, Date.now()),
        FriendlyDeviceName: 'Demo authenticator',
      }),
    );
    await client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
  }
}

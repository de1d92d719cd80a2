import {
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminListUserAuthEventsCommand,
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  type ContextDataType,
  CreateUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolClientsCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  UpdateGroupCommand,
  UpdateUserPoolCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { totpCode } from '../core/totp';
import { DEMO_ROLES, demoRoleArn } from './federation';
import { DEMO_POOL_NAME, OPERATOR_POOL_NAME } from './names';
import { operatorTotpSecretFor } from './operator-mfa';

type Client = CognitoIdentityProviderClient;

/** Role ARNs of the demo groups: roles the local IAM seeds (`DEMO_ROLES`), in the local account. */
export { demoRoleArn };

/** Precedence and IAM role of the demo pool's groups: tokens carry cognito:roles / cognito:preferred_role. */
export const DEMO_GROUP_SETTINGS: Readonly<Record<string, { precedence: number; role: string }>> = {
  'enterprise-admins': { precedence: 1, role: DEMO_ROLES.enterprise },
  'support-escalations': { precedence: 5, role: DEMO_ROLES.supportReadonly },
  'beta-testers': { precedence: 10, role: DEMO_ROLES.authenticated },
};

/**
 * Demo users enrolled in TOTP with fixed secrets (README, "Demo MFA"): add a secret to any authenticator app
 * (or compute codes with `oathtool --totp -b <secret>`) and sign in as that user with the demo password.
 */
export const DEMO_TOTP_USERS: ReadonlyArray<{ username: string; secret: string }> = [
  { username: 'siobhan.obrien', secret: 'OBXW63DLMVSXAZLSFVSGK3LPFUYDCIJB' },
  { username: 'liam.chen.billing', secret: 'OBXW63DLMVSXAZLSFVSGK3LPFUYDEIJB' },
  { username: 'sam.lee', secret: 'OBXW63DLMVSXAZLSFVSGK3LPFUYDGIJB' },
];

/**
 * The emulator's TOTP secret for a demo user of the demo pool or a TOTP operator (an `EmulatorOptions.totpSecretFor` for a
 * seeded local stack), so the documented secrets are the ones AssociateSoftwareToken hands out.
 */
export function demoTotpSecretFor(poolName: string, username: string): string | undefined {
  if (poolName === OPERATOR_POOL_NAME) return operatorTotpSecretFor(poolName, username);
  if (poolName !== DEMO_POOL_NAME) return undefined;
  return DEMO_TOTP_USERS.find((u) => u.username === username.toLowerCase())?.secret;
}

/** The demo pool's app client: what a customer-facing app uses (SRP, password, admin password, refresh). */
export const DEMO_APP_CLIENT_NAME = 'acme-demo-app';

async function ensureDemoAppClient(client: Client, poolId: string): Promise<string> {
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60, NextToken }),
    );
    const found = page.UserPoolClients?.find((c) => c.ClientName === DEMO_APP_CLIENT_NAME);
    if (found?.ClientId) return found.ClientId;
    NextToken = page.NextToken;
  } while (NextToken);
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: DEMO_APP_CLIENT_NAME,
      ExplicitAuthFlows: [
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ],
    }),
  );
  return created.UserPoolClient?.ClientId as string;
}

/** Where the demo sign-ins come from (AdminInitiateAuth ContextData → the events' EventContextData). */
const DEVICES: ContextDataType[] = [
  ['198.51.100.23', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15'],
  ['203.0.113.41', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'],
  ['192.0.2.77', 'AcmeShop/4.2 (iPhone; iOS 18.1)'],
  ['198.51.100.160', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'],
].map(([IpAddress, agent]) => ({
  IpAddress: IpAddress as string,
  ServerName: 'shop.acme.example',
  ServerPath: '/login',
  HttpHeaders: [{ headerName: 'User-Agent', headerValue: agent as string }],
}));

/** Makes the demo pool a Plus pool with threat protection (audit) and optional TOTP MFA. Idempotent. */
async function securePool(client: Client, poolId: string): Promise<void> {
  const pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
  if (pool?.UserPoolTier !== 'PLUS' || pool.UserPoolAddOns?.AdvancedSecurityMode !== 'AUDIT') {
    // UpdateUserPool resets what it is not given: the demo pool uses the defaults, so only these two change
    await client.send(
      new UpdateUserPoolCommand({
        UserPoolId: poolId,
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      }),
    );
  }
  await setOptionalTotp(client, poolId);
  for (const [GroupName, s] of Object.entries(DEMO_GROUP_SETTINGS)) {
    await client.send(
      new UpdateGroupCommand({
        UserPoolId: poolId,
        GroupName,
        Description: `Demo group ${GroupName}`,
        Precedence: s.precedence,
        RoleArn: demoRoleArn(s.role),
      }),
    );
  }
}

/** MFA OPTIONAL with TOTP (users who enrolled answer SOFTWARE_TOKEN_MFA). Idempotent. */
export async function setOptionalTotp(client: Client, poolId: string): Promise<void> {
  const mfa = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
  if (mfa.MfaConfiguration === 'OPTIONAL' && mfa.SoftwareTokenMfaConfiguration?.Enabled) return;
  await client.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );
}

interface SignInPlan {
  username: string;
  password: string;
  totpUser: boolean;
}

/**
 * A user's sign-in history, made by signing in through the local Cognito (so the events are real ones): a
 * successful sign-in, a mistyped password, and, for TOTP users, enrolment followed by a sign-in with the code.
 */
async function signInHistory(client: Client, poolId: string, clientId: string, plan: SignInPlan, n: number) {
  const signIn = (PASSWORD: string, device: number) =>
    client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: plan.username, PASSWORD },
        ContextData: DEVICES[device % DEVICES.length],
      }),
    );
  const first = await signIn(plan.password, n);
  if (n % 3 === 0) await signIn(`${plan.password}-typo`, n + 1).catch(() => undefined);
  if (!plan.totpUser || first.ChallengeName) return;
  const AccessToken = first.AuthenticationResult?.AccessToken as string;
  const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  const now = Date.now();
  await client.send(
    new VerifySoftwareTokenCommand({
      AccessToken,
      UserCode: totpCode(SecretCode as string, now),
      FriendlyDeviceName: 'Demo phone',
    }),
  );
  await client.send(
    new SetUserMFAPreferenceCommand({
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  const challenge = await signIn(plan.password, n + 2);
  if (challenge.ChallengeName !== 'SOFTWARE_TOKEN_MFA') return;
  // the verification used this 30-second step's code: the next step's is accepted once
  await client.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: challenge.Session,
      ChallengeResponses: {
        USERNAME: plan.username,
        SOFTWARE_TOKEN_MFA_CODE: totpCode(SecretCode as string, now + 30_000),
      },
    }),
  );
}

/**
 * Threat protection, MFA, group roles and sign-in history for the demo pool: TOTP for DEMO_TOTP_USERS and a
 * history for them and `historyUsers`. Users who already have a history are left alone (idempotent).
 */
export async function seedDemoSecurity(
  client: Client,
  poolId: string,
  password: string,
  historyUsers: string[],
): Promise<void> {
  await securePool(client, poolId);
  const clientId = await ensureDemoAppClient(client, poolId);
  const totp = new Set(DEMO_TOTP_USERS.map((u) => u.username));
  const usernames = [...new Set([...DEMO_TOTP_USERS.map((u) => u.username), ...historyUsers])];
  let n = 0;
  for (const username of usernames) {
    const user = await client
      .send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))
      .catch(() => null);
    if (!user || user.UserStatus !== 'CONFIRMED' || !user.Enabled) continue;
    const past = await client.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username: username, MaxResults: 1 }),
    );
    if ((past.AuthEvents ?? []).length > 0) continue;
    await signInHistory(client, poolId, clientId, { username, password, totpUser: totp.has(username) }, n++);
  }
}

import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type AttributeType,
  UpdateUserPoolClientCommand,
  type UserPoolClientType,
  type UserPoolDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider';
import { defaultRoleGroups, roles } from '@poolkeeper/contract';
import { localSdkClient } from './sdk-client';
import { forEachBounded } from './bounded';
import { DEMO_GROUPS, DemoUser, displayName, generateDemoUsers } from './demo-users';
import { type FederationSeed, seedFederation } from './federation';
import { demoRoleArn, seedDemoSecurity, setOptionalTotp } from './demo-security';
import { DEMO_POOL_NAME, GLOBEX_POOL_NAME, OPERATOR_POOL_NAME } from './names';
import { seedTotpOperators } from './operator-mfa';

export const operatorPassword = 'Poolkeeper!2026';
/** Temporary password of the demo users left in FORCE_CHANGE_PASSWORD. */
export const demoTemporaryPassword = 'Welcome!2026';

export { DEMO_POOL_NAME, GLOBEX_POOL_NAME, OPERATOR_POOL_NAME };
export const OPERATOR_CLIENT_NAME = 'poolkeeper-console';

export interface LocalSeed {
  operatorPool: { id: string; clientId: string; name: string };
  managedPools: Array<{ id: string; name: string }>;
  /** Identity providers, IAM roles and identity pools of the demo pool (seed/federation.ts). */
  federation: FederationSeed;
}

export interface SeedOptions {
  /** default 520 */
  demoUsers?: number;
  /** Users of the second demo pool (Globex Partners); default 30. */
  globexUsers?: number;
}

type Client = CognitoIdentityProviderClient;

async function ignoring(names: string[], call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    if (names.includes((err as Error).name)) return false;
    throw err;
  }
}

async function listAllPools(client: Client): Promise<UserPoolDescriptionType[]> {
  const pools: UserPoolDescriptionType[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    pools.push(...(page.UserPools ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return pools;
}

/**
 * The console's app client: no secret (the browser signs in), SRP sign-in (what the console uses; password
 * sign-in stays allowed for scripts and older consoles) and refresh, and 15-minute
 * access tokens (the console refreshes them), so an operator's revoked access lapses quickly even where the
 * API's own re-check does not reach.
 */
export const CONSOLE_CLIENT_SETTINGS = {
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  AccessTokenValidity: 15,
  IdTokenValidity: 15,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  EnableTokenRevocation: true,
} as const;

const hasConsoleSettings = (c: UserPoolClientType | undefined) =>
  c?.AccessTokenValidity === CONSOLE_CLIENT_SETTINGS.AccessTokenValidity &&
  c.TokenValidityUnits?.AccessToken === CONSOLE_CLIENT_SETTINGS.TokenValidityUnits.AccessToken &&
  c.IdTokenValidity === CONSOLE_CLIENT_SETTINGS.IdTokenValidity &&
  c.TokenValidityUnits?.IdToken === CONSOLE_CLIENT_SETTINGS.TokenValidityUnits.IdToken &&
  c.EnableTokenRevocation === true &&
  CONSOLE_CLIENT_SETTINGS.ExplicitAuthFlows.every((flow) => c.ExplicitAuthFlows?.includes(flow));

async function ensureConsoleClient(client: Client, poolId: string): Promise<string> {
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60, NextToken }),
    );
    const found = page.UserPoolClients?.find((c) => c.ClientName === OPERATOR_CLIENT_NAME);
    if (found?.ClientId) {
      const ClientId = found.ClientId;
      const described = await client.send(
        new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId }),
      );
      // a pool seeded before the console used short-lived tokens: bring its client up to date
      if (!hasConsoleSettings(described.UserPoolClient)) {
        await client.send(
          new UpdateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientId,
            ClientName: OPERATOR_CLIENT_NAME,
            ...CONSOLE_CLIENT_SETTINGS,
            ExplicitAuthFlows: [...CONSOLE_CLIENT_SETTINGS.ExplicitAuthFlows],
          }),
        );
      }
      return ClientId;
    }
    NextToken = page.NextToken;
  } while (NextToken);
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: OPERATOR_CLIENT_NAME,
      GenerateSecret: false,
      ...CONSOLE_CLIENT_SETTINGS,
      ExplicitAuthFlows: [...CONSOLE_CLIENT_SETTINGS.ExplicitAuthFlows],
    }),
  );
  return created.UserPoolClient?.ClientId as string;
}

async function seedOperatorPool(client: Client, existing: UserPoolDescriptionType | undefined) {
  const id =
    existing?.Id ??
    (await client.send(new CreateUserPoolCommand({ PoolName: OPERATOR_POOL_NAME }))).UserPool?.Id;
  if (!id) throw new Error('CreateUserPool returned no id');
  const clientId = await ensureConsoleClient(client, id);
  // operators may enrol TOTP (MFA is optional; only the TOTP operators of operator-mfa.ts are enrolled)
  await setOptionalTotp(client, id);
  // One operator per poolkeeper role, in the group that grants it by default (the contract's one list).
  for (const role of roles) {
    const GroupName = defaultRoleGroups[role];
    await ignoring(['GroupExistsException'], () =>
      client.send(new CreateGroupCommand({ UserPoolId: id, GroupName, Description: `poolkeeper ${role}s` })),
    );
    const exists = await ignoring(['UserNotFoundException'], () =>
      client.send(new AdminGetUserCommand({ UserPoolId: id, Username: role })),
    );
    if (!exists) {
      const UserAttributes: AttributeType[] = [
        { Name: 'email', Value: `${role}@poolkeeper.local` },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: `Poolkeeper ${role.charAt(0).toUpperCase()}${role.slice(1)}` },
      ];
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: id,
          Username: role,
          MessageAction: 'SUPPRESS',
          UserAttributes,
        }),
      );
      await client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: id,
          Username: role,
          Password: operatorPassword,
          Permanent: true,
        }),
      );
    }
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: id, Username: role, GroupName }));
  }
  await seedTotpOperators(client, id, clientId, operatorPassword);
  return { id, clientId, name: OPERATOR_POOL_NAME };
}

function demoAttributes(u: DemoUser): AttributeType[] {
  return [
    { Name: 'given_name', Value: u.givenName },
    { Name: 'family_name', Value: u.familyName },
    { Name: 'name', Value: displayName(u) },
    { Name: 'email', Value: u.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'phone_number', Value: u.phone },
    { Name: 'custom:tenant', Value: u.tenant },
    { Name: 'custom:plan', Value: u.plan },
  ];
}

async function seedDemoUser(client: Client, poolId: string, u: DemoUser): Promise<void> {
  const base = { UserPoolId: poolId, Username: u.username };
  const created = await ignoring(['UsernameExistsException'], () =>
    client.send(
      new AdminCreateUserCommand({
        ...base,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: demoTemporaryPassword,
        UserAttributes: demoAttributes(u),
      }),
    ),
  );
  if (!created) return; // seeded by an earlier (interrupted) run
  if (u.status !== 'FORCE_CHANGE_PASSWORD') {
    await client.send(
      new AdminSetUserPasswordCommand({ ...base, Password: operatorPassword, Permanent: true }),
    );
  }
  if (u.status === 'RESET_REQUIRED') await client.send(new AdminResetUserPasswordCommand(base));
  if (u.status === 'DISABLED') await client.send(new AdminDisableUserCommand(base));
  for (const GroupName of u.groups) await client.send(new AdminAddUserToGroupCommand({ ...base, GroupName }));
}

/** The demo pools' custom attributes (custom:tenant, custom:plan). */
const DEMO_SCHEMA = [
  {
    Name: 'tenant',
    AttributeDataType: 'String' as const,
    Mutable: true,
    StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
  },
  {
    Name: 'plan',
    AttributeDataType: 'String' as const,
    Mutable: true,
    StringAttributeConstraints: { MinLength: '1', MaxLength: '32' },
  },
];

/** How many demo users get a sign-in history (the TOTP users always do). */
const HISTORY_USERS = 12;

async function seedDemoPool(client: Client, existing: UserPoolDescriptionType | undefined, count: number) {
  let id = existing?.Id;
  const users = generateDemoUsers(count);
  const history = users.filter((u) => u.status === 'CONFIRMED').slice(0, HISTORY_USERS);
  const secure = (poolId: string) =>
    seedDemoSecurity(
      client,
      poolId,
      operatorPassword,
      history.map((u) => u.username),
    );
  if (id) {
    const described = await client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    if ((described.UserPool?.EstimatedNumberOfUsers ?? 0) >= count) {
      await secure(id);
      return { id, name: DEMO_POOL_NAME };
    }
  } else {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: DEMO_POOL_NAME,
        Schema: DEMO_SCHEMA,
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      }),
    );
    id = created.UserPool?.Id;
    if (!id) throw new Error('CreateUserPool returned no id');
  }
  const poolId = id;
  for (const GroupName of DEMO_GROUPS) {
    await ignoring(['GroupExistsException'], () =>
      client.send(
        new CreateGroupCommand({ UserPoolId: poolId, GroupName, Description: `Demo group ${GroupName}` }),
      ),
    );
  }
  await forEachBounded(users, 32, (u) => seedDemoUser(client, poolId, u));
  await secure(poolId);
  return { id: poolId, name: DEMO_POOL_NAME };
}

/** Globex's groups: precedence and IAM roles, like the demo pool's. */
const GLOBEX_GROUPS = [
  { GroupName: 'partner-admins', Precedence: 1, role: 'globex-partners-admins' },
  { GroupName: 'resellers', Precedence: 5, role: 'globex-partners-resellers' },
];

/**
 * The second demo pool, "Globex Partners": the Essentials feature plan without threat protection (its sign-in
 * history answers UserPoolAddOnNotEnabledException), MFA off, a few dozen partner users. Idempotent.
 */
async function seedGlobexPool(client: Client, existing: UserPoolDescriptionType | undefined, count: number) {
  let id = existing?.Id;
  if (id) {
    const described = await client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    if ((described.UserPool?.EstimatedNumberOfUsers ?? 0) >= count) return { id, name: GLOBEX_POOL_NAME };
  } else {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: GLOBEX_POOL_NAME,
        Schema: DEMO_SCHEMA,
        UserPoolTier: 'ESSENTIALS',
      }),
    );
    id = created.UserPool?.Id;
    if (!id) throw new Error('CreateUserPool returned no id');
  }
  const poolId = id;
  for (const g of GLOBEX_GROUPS) {
    await ignoring(['GroupExistsException'], () =>
      client.send(
        new CreateGroupCommand({
          UserPoolId: poolId,
          GroupName: g.GroupName,
          Description: `Globex ${g.GroupName}`,
          Precedence: g.Precedence,
          RoleArn: demoRoleArn(g.role),
        }),
      ),
    );
  }
  const partners = generateDemoUsers(count, 20261202).map((u, i) => ({
    ...u,
    email: u.email.replace('@example.com', '@globex.example'),
    tenant: 'globex-partners',
    groups: i % 7 === 0 ? ['partner-admins'] : i % 3 === 0 ? ['resellers'] : [],
  }));
  await forEachBounded(partners, 16, (u) => seedDemoUser(client, poolId, u));
  return { id: poolId, name: GLOBEX_POOL_NAME };
}

/** Idempotent: if the pools already exist (found by name via ListUserPools), returns their ids without re-seeding. */
export async function seedLocalCognito(
  endpoint: string,
  region: string,
  opts: SeedOptions = {},
): Promise<LocalSeed> {
  const client = localSdkClient(endpoint, region);
  try {
    const pools = await listAllPools(client);
    const operatorPool = await seedOperatorPool(
      client,
      pools.find((p) => p.Name === OPERATOR_POOL_NAME),
    );
    const demo = await seedDemoPool(
      client,
      pools.find((p) => p.Name === DEMO_POOL_NAME),
      opts.demoUsers ?? 520,
    );
    const federation = await seedFederation(client, endpoint, region, demo.id);
    const globex = await seedGlobexPool(
      client,
      pools.find((p) => p.Name === GLOBEX_POOL_NAME),
      opts.globexUsers ?? 30,
    );
    return { operatorPool, managedPools: [demo, globex], federation };
  } finally {
    client.destroy();
  }
}

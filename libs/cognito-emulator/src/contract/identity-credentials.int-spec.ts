import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  cognitoIdentityTrustPolicy,
  evaluateRoleMapping,
  type RoleMapping,
  roleNameOfArn,
} from '@poolkeeper/contract';
import { decodeJwt } from '../core/jwt';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

const PW = 'Str0ng!Passw0rd';
const local = { accessKeyId: 'local', secretAccessKey: 'local' };
const arn = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
const assumed = (roleArn: string) =>
  `arn:aws:sts::000000000000:assumed-role/${roleNameOfArn(roleArn)}/CognitoIdentityCredentials`;

/**
 * The whole chain as an app runs it: sign in to a local user pool → GetId → GetCredentialsForIdentity →
 * STS GetCallerIdentity signed with those credentials. The assumed role must be the one the shared
 * evaluator predicts from the ID token as issued.
 */
describe('identity pool credentials, end to end', () => {
  let h: Harness;
  let identity: CognitoIdentityClient;
  let iam: IAMClient;
  let userPoolId: string;
  let clientId: string;
  let poolId: string;
  let providerName: string;
  let mappingKey: string;
  const sdk = <T>(C: new (c: object) => T, credentials: object = local) =>
    new C({ endpoint: h.emulator.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });

  const idToken = async (USERNAME: string) =>
    (
      await h.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME, PASSWORD: PW },
        }),
      )
    ).AuthenticationResult!.IdToken!;

  /** GetId + GetCredentialsForIdentity + GetCallerIdentity; the caller's ARN. */
  const callerArn = async (logins: Record<string, string> | undefined, CustomRoleArn?: string) => {
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: poolId, ...(logins ? { Logins: logins } : {}) }),
    );
    const out = await identity.send(
      new GetCredentialsForIdentityCommand({
        IdentityId,
        ...(logins ? { Logins: logins } : {}),
        ...(CustomRoleArn ? { CustomRoleArn } : {}),
      }),
    );
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(c.Expiration).toBeInstanceOf(Date);
    const sts = sdk(STSClient, {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretKey!,
      sessionToken: c.SessionToken!,
    });
    try {
      const me = await sts.send(new GetCallerIdentityCommand({}));
      expect(me.Account).toBe('000000000000');
      return me.Arn!;
    } finally {
      sts.destroy();
    }
  };

  const setRoles = (mapping: RoleMapping | undefined) =>
    identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: arn('customers-auth'), unauthenticated: arn('customers-guest') },
        ...(mapping ? { RoleMappings: { [mappingKey]: mapping } } : {}),
      }),
    );
  const rules = (AmbiguousRoleResolution: 'AuthenticatedRole' | 'Deny'): RoleMapping => ({
    Type: 'Rules',
    AmbiguousRoleResolution,
    RulesConfiguration: {
      Rules: [
        {
          Claim: 'custom:tenant',
          MatchType: 'Equals',
          Value: 'enterprise',
          RoleARN: arn('customers-enterprise'),
        },
        { Claim: 'email', MatchType: 'StartsWith', Value: 'support@', RoleARN: arn('customers-support') },
      ],
    },
  });

  /** What the evaluator says for this user's ID token and mapping (the prediction to agree with). */
  const predicted = async (username: string, mapping: RoleMapping, customRoleArn?: string) =>
    evaluateRoleMapping({
      mapping,
      claims: decodeJwt(await idToken(username)).payload,
      roles: { authenticated: arn('customers-auth'), unauthenticated: arn('customers-guest') },
      customRoleArn,
    });

  beforeAll(async () => {
    h = await startHarness();
    identity = sdk(CognitoIdentityClient);
    iam = sdk(IAMClient);
    ({ poolId: userPoolId, clientId } = await createPoolWithClient(h.client));
    providerName = `cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
    mappingKey = `${providerName}:${clientId}`;
    const users: Array<[string, Record<string, string>]> = [
      ['erin', { 'custom:tenant': 'enterprise', email: 'erin@acme.test' }],
      ['sam', { 'custom:tenant': 'smallco', email: 'support@acme.test' }],
      ['nora', { 'custom:tenant': 'smallco', email: 'nora@acme.test' }],
    ];
    for (const [Username, attrs] of users) {
      await h.client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username,
          MessageAction: 'SUPPRESS',
          UserAttributes: Object.entries(attrs).map(([Name, Value]) => ({ Name, Value })),
        }),
      );
      await h.client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username, Password: PW, Permanent: true }),
      );
    }
    await h.client.send(
      new CreateGroupCommand({
        UserPoolId: userPoolId,
        GroupName: 'readers',
        Precedence: 1,
        RoleArn: arn('customers-readers'),
      }),
    );
    await h.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: 'nora', GroupName: 'readers' }),
    );
    const pool = await identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'chain',
        AllowUnauthenticatedIdentities: true,
        CognitoIdentityProviders: [{ ProviderName: providerName, ClientId: clientId }],
      }),
    );
    poolId = pool.IdentityPoolId!;
    for (const [name, amr] of [
      ['customers-auth', 'authenticated'],
      ['customers-guest', 'unauthenticated'],
      ['customers-enterprise', 'authenticated'],
      ['customers-support', 'authenticated'],
      ['customers-readers', 'authenticated'],
    ] as const) {
      await iam.send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: JSON.stringify(cognitoIdentityTrustPolicy(poolId, amr)),
        }),
      );
    }
    // trusts cognito-identity, but for another identity pool
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'customers-untrusted',
        AssumeRolePolicyDocument: JSON.stringify(
          cognitoIdentityTrustPolicy('us-east-1:00000000-0000-0000-0000-000000000000', 'authenticated'),
        ),
      }),
    );
  });
  afterAll(async () => {
    identity.destroy();
    iam.destroy();
    await h.close();
  });

  it('gives a user matching a rule the role of the first matching rule, as the evaluator predicts', async () => {
    const mapping = rules('Deny');
    await setRoles(mapping);
    for (const [user, role] of [
      ['erin', 'customers-enterprise'],
      ['sam', 'customers-support'],
    ] as const) {
      const prediction = await predicted(user, mapping);
      expect(prediction.roleArn).toBe(arn(role));
      expect(await callerArn({ [providerName]: await idToken(user) })).toBe(assumed(prediction.roleArn!));
    }
  });

  it('gives a user matching no rule the authenticated role (AuthenticatedRole), or nothing (Deny)', async () => {
    await setRoles(rules('AuthenticatedRole'));
    const prediction = await predicted('nora', rules('AuthenticatedRole'));
    expect(prediction).toMatchObject({ roleArn: arn('customers-auth'), source: 'authenticated_role' });
    expect(await callerArn({ [providerName]: await idToken('nora') })).toBe(assumed(arn('customers-auth')));

    await setRoles(rules('Deny'));
    expect((await predicted('nora', rules('Deny'))).source).toBe('deny');
    const logins = { [providerName]: await idToken('nora') };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    await expectAwsError(
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins })),
      'NotAuthorizedException',
      `The ambiguous role mapping rules for: ${mappingKey} denied this request.`,
    );
  });

  it("uses the token's roles for a Token mapping (cognito:preferred_role, CustomRoleArn)", async () => {
    const token: RoleMapping = { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' };
    await setRoles(token);
    const prediction = await predicted('nora', token);
    expect(prediction).toMatchObject({ roleArn: arn('customers-readers'), source: 'preferred_role' });
    expect(await callerArn({ [providerName]: await idToken('nora') })).toBe(
      assumed(arn('customers-readers')),
    );
    // erin has no group roles: AmbiguousRoleResolution applies
    expect(await callerArn({ [providerName]: await idToken('erin') })).toBe(assumed(arn('customers-auth')));
    // a CustomRoleArn the token does not carry is refused
    const logins = { [providerName]: await idToken('nora') };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    await expectAwsError(
      identity.send(
        new GetCredentialsForIdentityCommand({
          IdentityId,
          Logins: logins,
          CustomRoleArn: arn('customers-enterprise'),
        }),
      ),
      'NotAuthorizedException',
    );
  });

  it('gives a guest identity the unauthenticated role', async () => {
    await setRoles(undefined);
    expect(await callerArn(undefined)).toBe(assumed(arn('customers-guest')));
  });

  it('keeps one identity per user, and refuses logins of another identity', async () => {
    const logins = { [providerName]: await idToken('erin') };
    const a = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    const b = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    expect(a.IdentityId).toBe(b.IdentityId);
    const other = await identity.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerName]: await idToken('sam') } }),
    );
    await expectAwsError(
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId: other.IdentityId, Logins: logins })),
      'NotAuthorizedException',
      /Logins don't match/,
    );
    await expectAwsError(
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId: a.IdentityId })),
      'NotAuthorizedException',
      /Logins don't match/,
    );
  });

  it('verifies the login token against the local pool: signature, issuer, audience, provider', async () => {
    const token = await idToken('erin');
    const [h64, p64, s64] = token.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p64, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h64}.${Buffer.from(JSON.stringify({ ...payload, 'custom:tenant': 'enterprise!' })).toString('base64url')}.${s64}`;
    await expectAwsError(
      identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerName]: forged } })),
      'NotAuthorizedException',
      "Invalid login token. Couldn't verify signed token.",
    );
    const otherClient = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'other',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const otherToken = (
      await h.client.send(
        new InitiateAuthCommand({
          ClientId: otherClient.UserPoolClient!.ClientId!,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'erin', PASSWORD: PW },
        }),
      )
    ).AuthenticationResult!.IdToken!;
    await expectAwsError(
      identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerName]: otherToken } })),
      'NotAuthorizedException',
      'Invalid login token. Incorrect token audience.',
    );
    await expectAwsError(
      identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'accounts.google.com': token } })),
      'NotAuthorizedException',
      'Token is not from a supported provider of this identity pool.',
    );
  });

  it('refuses a role whose trust policy does not trust this pool, as STS would (InvalidIdentityPoolConfigurationException)', async () => {
    await identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: arn('customers-untrusted'), unauthenticated: arn('customers-auth') },
      }),
    );
    const logins = { [providerName]: await idToken('erin') };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    await expectAwsError(
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins })),
      'InvalidIdentityPoolConfigurationException',
    );
    // the guest role trusts only authenticated identities
    const guest = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    await expectAwsError(
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId })),
      'InvalidIdentityPoolConfigurationException',
    );
  });

  it('issues an OpenID token for the identity, with the identity pool as audience', async () => {
    const logins = { [providerName]: await idToken('erin') };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    const out = await identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins }));
    expect(decodeJwt(out.Token!).payload).toMatchObject({
      sub: IdentityId,
      aud: poolId,
      iss: 'https://cognito-identity.amazonaws.com',
      amr: ['authenticated', providerName, mappingKey],
    });
  });

  it('STS answers the local default credentials as the root user and refuses unknown temporary keys', async () => {
    const sts = sdk(STSClient);
    try {
      expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
        Account: '000000000000',
        Arn: 'arn:aws:iam::000000000000:root',
      });
    } finally {
      sts.destroy();
    }
    const forged = sdk(STSClient, {
      accessKeyId: 'ASIAAAAAAAAAAAAAAAAA',
      secretAccessKey: 'x',
      sessionToken: 'y',
    });
    try {
      let error: { name?: string; $metadata?: { httpStatusCode?: number } } = {};
      await forged.send(new GetCallerIdentityCommand({})).catch((e: typeof error) => (error = e));
      expect(error.name).toBe('InvalidClientTokenId');
      expect(error.$metadata?.httpStatusCode).toBe(403);
    } finally {
      forged.destroy();
    }
  });

  it('with ServerSideTokenCheck, refuses a token whose user has been signed out globally', async () => {
    const checked = await identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'checked',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [
          { ProviderName: providerName, ClientId: clientId, ServerSideTokenCheck: true },
        ],
      }),
    );
    const token = await idToken('sam');
    const logins = { [providerName]: token };
    const a = await identity.send(
      new GetIdCommand({ IdentityPoolId: checked.IdentityPoolId, Logins: logins }),
    );
    const b = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    await h.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: 'sam' }));
    await expectAwsError(
      identity.send(new GetOpenIdTokenCommand({ IdentityId: a.IdentityId, Logins: logins })),
      'NotAuthorizedException',
      /signed out or deleted/,
    );
    // without the check, the token still verifies until it expires (as on AWS)
    const open = await identity.send(new GetOpenIdTokenCommand({ IdentityId: b.IdentityId, Logins: logins }));
    expect(open.Token).toEqual(expect.any(String));
  });

  it('refuses guests once the pool no longer allows them', async () => {
    const closed = await identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'members-only',
        AllowUnauthenticatedIdentities: false,
      }),
    );
    await expectAwsError(
      identity.send(new GetIdCommand({ IdentityPoolId: closed.IdentityPoolId })),
      'NotAuthorizedException',
      'Unauthenticated access is not supported for this identity pool.',
    );
  });
});

describe('identity pool credentials expire', () => {
  it('STS answers ExpiredToken once the hour is over', async () => {
    let clock = Date.UTC(2026, 11, 2, 12);
    const h = await startHarness(undefined, { now: () => clock });
    const sdk = <T>(C: new (c: object) => T, credentials: object = local) =>
      new C({ endpoint: h.emulator.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    const identity = sdk(CognitoIdentityClient);
    const iam = sdk(IAMClient);
    try {
      const pool = await identity.send(
        new CreateIdentityPoolCommand({ IdentityPoolName: 'clock', AllowUnauthenticatedIdentities: true }),
      );
      const IdentityPoolId = pool.IdentityPoolId!;
      await iam.send(
        new CreateRoleCommand({
          RoleName: 'guest',
          AssumeRolePolicyDocument: JSON.stringify(
            cognitoIdentityTrustPolicy(IdentityPoolId, 'unauthenticated'),
          ),
        }),
      );
      await identity.send(
        new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { unauthenticated: arn('guest') } }),
      );
      const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId }));
      const { Credentials: c } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
      expect(c!.Expiration!.getTime()).toBe(clock + 3_600_000);
      const sts = sdk(STSClient, {
        accessKeyId: c!.AccessKeyId!,
        secretAccessKey: c!.SecretKey!,
        sessionToken: c!.SessionToken!,
      });
      try {
        expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(assumed(arn('guest')));
        clock += 3_600_000;
        await expectAwsError(sts.send(new GetCallerIdentityCommand({})), 'ExpiredToken');
      } finally {
        sts.destroy();
      }
    } finally {
      identity.destroy();
      iam.destroy();
      await h.close();
    }
  });
});

import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
  ListIdentityPoolsCommand,
  type RoleMapping,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { expectAwsError, Harness, startHarness } from './harness';

const arn = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
const USER_POOL = 'us-east-1_AbCdEf123';
const PROVIDER = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL}`;
const CLIENT = 'app1client';
const KEY = `${PROVIDER}:${CLIENT}`;

describe('identity pools', () => {
  let h: Harness;
  let identity: CognitoIdentityClient;
  let eu: CognitoIdentityClient;
  let poolId: string;
  const client = (region: string) =>
    new CognitoIdentityClient({
      endpoint: h.emulator.endpoint,
      region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  beforeAll(async () => {
    h = await startHarness();
    identity = client('us-east-1');
    eu = client('eu-west-1');
  });
  afterAll(async () => {
    identity.destroy();
    eu.destroy();
    await h.close();
  });
  const setRoles = (
    RoleMappings: Record<string, RoleMapping> | undefined,
    Roles = { authenticated: arn('auth') },
  ) =>
    identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles,
        ...(RoleMappings ? { RoleMappings } : {}),
      }),
    );

  it('creates, describes and updates an identity pool in the Region it was sent to', async () => {
    const created = await identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'Acme customers',
        AllowUnauthenticatedIdentities: true,
        CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: CLIENT, ServerSideTokenCheck: false }],
        IdentityPoolTags: { team: 'identity' },
      }),
    );
    poolId = created.IdentityPoolId!;
    expect(poolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(created).toMatchObject({
      IdentityPoolName: 'Acme customers',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: CLIENT, ServerSideTokenCheck: false }],
      IdentityPoolTags: { team: 'identity' },
    });
    expect(
      (await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }))).IdentityPoolName,
    ).toBe('Acme customers');
    await expectAwsError(
      eu.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId })),
      'ResourceNotFoundException',
    );
    const updated = await identity.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: poolId,
        IdentityPoolName: 'Acme customers',
        AllowUnauthenticatedIdentities: false,
        AllowClassicFlow: true,
        CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: CLIENT }],
      }),
    );
    expect(updated).toMatchObject({ AllowUnauthenticatedIdentities: false, AllowClassicFlow: true });
    await expectAwsError(
      identity.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'bad/name',
          AllowUnauthenticatedIdentities: false,
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('lists pools with the required MaxResults and NextToken', async () => {
    for (const n of ['p2', 'p3'])
      await identity.send(
        new CreateIdentityPoolCommand({ IdentityPoolName: n, AllowUnauthenticatedIdentities: false }),
      );
    await eu.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: 'eu-pool', AllowUnauthenticatedIdentities: false }),
    );
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 2, NextToken }));
      expect(page.IdentityPools!.length).toBeLessThanOrEqual(2);
      names.push(...page.IdentityPools!.map((p) => p.IdentityPoolName!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names.sort()).toEqual(['Acme customers', 'p2', 'p3']);
    await expectAwsError(
      identity.send(new ListIdentityPoolsCommand({ MaxResults: 61 })),
      'InvalidParameterException',
    );
    await expectAwsError(
      identity.send(new ListIdentityPoolsCommand({} as { MaxResults: number })),
      'InvalidParameterException',
    );
  });

  it('sets and reads roles and role mappings', async () => {
    const mappings: Record<string, RoleMapping> = {
      [KEY]: {
        Type: 'Rules',
        AmbiguousRoleResolution: 'Deny',
        RulesConfiguration: {
          Rules: [
            { Claim: 'custom:plan', MatchType: 'Equals', Value: 'enterprise', RoleARN: arn('enterprise') },
          ],
        },
      },
    };
    await setRoles(mappings, { authenticated: arn('auth'), unauthenticated: arn('guest') } as {
      authenticated: string;
    });
    const got = await identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    expect(got).toMatchObject({
      IdentityPoolId: poolId,
      Roles: { authenticated: arn('auth'), unauthenticated: arn('guest') },
      RoleMappings: mappings,
    });
  });

  it('refuses role settings AWS refuses, changing nothing (InvalidParameterException)', async () => {
    const rule = { Claim: 'email', MatchType: 'Contains' as const, Value: '@acme', RoleARN: arn('a') };
    const refusals: Array<[Record<string, RoleMapping> | undefined, Record<string, string>, RegExp]> = [
      [{ [KEY]: { Type: 'Token' } }, { authenticated: arn('auth') }, /AmbiguousRoleResolution is required/],
      [
        { [KEY]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny' } },
        { authenticated: arn('auth') },
        /RulesConfiguration/,
      ],
      [
        {
          [KEY]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: { Rules: Array(26).fill(rule) },
          },
        },
        { authenticated: arn('auth') },
        /at most 25 rules/,
      ],
      [
        {
          [KEY]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: { Rules: [{ ...rule, MatchType: 'Matches' as 'Equals' }] },
          },
        },
        { authenticated: arn('auth') },
        /MatchType/,
      ],
      [
        {
          [KEY]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: { Rules: [{ ...rule, RoleARN: 'admin' }] },
          },
        },
        { authenticated: arn('auth') },
        /not a valid role ARN/,
      ],
      [
        { [`${PROVIDER}`]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
        { authenticated: arn('auth') },
        /cognito-idp\.<region>/,
      ],
      [
        { [`${PROVIDER}:otherclient`]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
        { authenticated: arn('auth') },
        /not a provider of identity pool/,
      ],
      [
        Object.fromEntries(
          Array.from({ length: 11 }, (_, i) => [
            `graph${i}.example.com`,
            { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
          ]),
        ) as Record<string, RoleMapping>,
        { authenticated: arn('auth') },
        /at most 10 providers/,
      ],
      [undefined, { authenticated: 'arn:aws:s3:::bucket' }, /not a valid role ARN/],
      [undefined, { admin: arn('auth') }, /authenticated or unauthenticated/],
    ];
    for (const [mappings, roles, message] of refusals)
      await expectAwsError(
        setRoles(mappings, roles as { authenticated: string }),
        'InvalidParameterException',
        message,
      );
    const got = await identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    expect(got.Roles).toEqual({ authenticated: arn('auth'), unauthenticated: arn('guest') });
    expect(Object.keys(got.RoleMappings ?? {})).toEqual([KEY]);
  });

  it('deletes a pool', async () => {
    await identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId }));
    await expectAwsError(
      identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId })),
      'ResourceNotFoundException',
    );
  });
});

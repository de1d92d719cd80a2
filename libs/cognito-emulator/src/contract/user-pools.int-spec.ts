import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError, Harness, startHarness } from './harness';

describe('user pools and app clients', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('creates and describes a pool with custom attributes, policy and MFA setting', async () => {
    const created = await h.client.send(
      new CreateUserPoolCommand({
        PoolName: 'customers',
        Schema: [
          { Name: 'tenant', AttributeDataType: 'String', Mutable: true },
          { Name: 'seats', AttributeDataType: 'Number', Mutable: false },
        ],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 10,
            RequireSymbols: false,
            RequireUppercase: true,
            RequireLowercase: true,
            RequireNumbers: true,
          },
        },
        MfaConfiguration: 'OPTIONAL',
        UsernameAttributes: ['email'],
      }),
    );
    const id = created.UserPool?.Id as string;
    expect(id).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    const { UserPool: pool } = await h.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    expect(pool?.Name).toBe('customers');
    expect(pool?.Arn).toBe(`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${id}`);
    expect(pool?.MfaConfiguration).toBe('OPTIONAL');
    expect(pool?.UsernameAttributes).toEqual(['email']);
    expect(pool?.EstimatedNumberOfUsers).toBe(0);
    expect(pool?.CreationDate).toBeInstanceOf(Date);
    expect(pool?.LastModifiedDate).toBeInstanceOf(Date);
    expect(pool?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 10,
      RequireSymbols: false,
      RequireUppercase: true,
    });
    const names = pool?.SchemaAttributes?.map((a) => a.Name) ?? [];
    expect(names).toEqual(
      expect.arrayContaining(['sub', 'email', 'phone_number', 'given_name', 'custom:tenant', 'custom:seats']),
    );
    const seats = pool?.SchemaAttributes?.find((a) => a.Name === 'custom:seats');
    expect(seats).toMatchObject({ AttributeDataType: 'Number', Mutable: false });
  });

  it('lists pools with MaxResults and NextToken', async () => {
    for (const n of ['p1', 'p2', 'p3']) await h.client.send(new CreateUserPoolCommand({ PoolName: n }));
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await h.client.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken }));
      expect(page.UserPools!.length).toBeLessThanOrEqual(2);
      seen.push(...page.UserPools!.map((p) => p.Name as string));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen).toEqual(expect.arrayContaining(['customers', 'p1', 'p2', 'p3']));
    expect(new Set(seen).size).toBe(seen.length);
    await expectAwsError(
      h.client.send(new ListUserPoolsCommand({ MaxResults: 61 })),
      'InvalidParameterException',
    );
    await expectAwsError(h.client.send(new ListUserPoolsCommand({} as never)), 'InvalidParameterException');
  });

  it('answers ResourceNotFoundException for an unknown pool', async () => {
    await expectAwsError(
      h.client.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_AAAAAAAAA' })),
      'ResourceNotFoundException',
    );
  });

  it('creates, describes and lists app clients', async () => {
    const { UserPool } = await h.client.send(new CreateUserPoolCommand({ PoolName: 'with-clients' }));
    const poolId = UserPool!.Id!;
    const { UserPoolClient: c } = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'console',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    expect(c?.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(c?.ClientSecret).toBeUndefined();
    const described = await h.client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: c!.ClientId! }),
    );
    expect(described.UserPoolClient).toMatchObject({
      ClientName: 'console',
      UserPoolId: poolId,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    await h.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'other' }));
    const first = await h.client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 1 }));
    expect(first.UserPoolClients).toHaveLength(1);
    const second = await h.client.send(
      new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 1, NextToken: first.NextToken }),
    );
    expect(second.UserPoolClients).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    expect([first.UserPoolClients![0]!.ClientName, second.UserPoolClients![0]!.ClientName].sort()).toEqual([
      'console',
      'other',
    ]);
    await expectAwsError(
      h.client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: 'a'.repeat(26) })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      h.client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'bad',
          ExplicitAuthFlows: ['NOPE' as never],
        }),
      ),
      'InvalidParameterException',
    );
  });
});

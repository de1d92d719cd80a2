import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

describe('users', () => {
  let h: Harness;
  let poolId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ poolId } = await createPoolWithClient(h.client));
  });
  afterAll(() => h.close());

  const get = (Username: string) => h.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }));

  it('creates a user in FORCE_CHANGE_PASSWORD with a sub and the given attributes', async () => {
    const out = await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'Alice',
        MessageAction: 'SUPPRESS',
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: 'alice@example.com' },
          { Name: 'custom:tenant', Value: 'acme' },
        ],
      }),
    );
    expect(out.User).toMatchObject({ Username: 'Alice', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(out.User?.UserCreateDate).toBeInstanceOf(Date);
    const sub = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    const got = await get('alice'); // case-insensitive
    expect(got.Username).toBe('Alice');
    expect(got.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(got.Enabled).toBe(true);
    expect(got.UserLastModifiedDate).toBeInstanceOf(Date);
    expect(got.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: sub },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'custom:tenant', Value: 'acme' },
      ]),
    );
    const pool = await h.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(pool.UserPool?.EstimatedNumberOfUsers).toBe(1);
  });

  it('refuses a duplicate username (any case), unknown attributes and a weak temporary password', async () => {
    await expectAwsError(
      h.client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ALICE', MessageAction: 'SUPPRESS' }),
      ),
      'UsernameExistsException',
    );
    await expectAwsError(
      h.client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'bob',
          UserAttributes: [{ Name: 'custom:nope', Value: 'x' }],
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      h.client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bob', TemporaryPassword: 'short' }),
      ),
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
    );
    await expectAwsError(
      h.client.send(new AdminCreateUserCommand({ UserPoolId: 'us-east-1_AAAAAAAAA', Username: 'bob' })),
      'ResourceNotFoundException',
    );
  });

  it('RESEND re-invites a FORCE_CHANGE_PASSWORD user and refuses confirmed or unknown ones', async () => {
    const out = await h.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'alice', MessageAction: 'RESEND' }),
    );
    expect(out.User?.Username).toBe('Alice');
    await expectAwsError(
      h.client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ghost', MessageAction: 'RESEND' }),
      ),
      'UserNotFoundException',
    );
  });

  it('updates and deletes attributes, enforcing the schema and mutability', async () => {
    await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'carol',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'custom:badge', Value: 'B1' }],
      }),
    );
    await h.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'carol',
        UserAttributes: [
          { Name: 'given_name', Value: 'Carol' },
          { Name: 'custom:tenant', Value: 'globex' },
        ],
      }),
    );
    let attrs = Object.fromEntries((await get('carol')).UserAttributes!.map((a) => [a.Name, a.Value]));
    expect(attrs).toMatchObject({ given_name: 'Carol', 'custom:tenant': 'globex', 'custom:badge': 'B1' });
    await expectAwsError(
      h.client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: 'carol',
          UserAttributes: [{ Name: 'custom:badge', Value: 'B2' }],
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      h.client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: 'carol',
          UserAttributes: [{ Name: 'custom:unknown', Value: 'x' }],
        }),
      ),
      'InvalidParameterException',
    );
    await h.client.send(
      new AdminDeleteUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'carol',
        UserAttributeNames: ['given_name'],
      }),
    );
    attrs = Object.fromEntries((await get('carol')).UserAttributes!.map((a) => [a.Name, a.Value]));
    expect(attrs.given_name).toBeUndefined();
    expect(attrs['custom:tenant']).toBe('globex');
  });

  it('disables, enables, resets and sets passwords', async () => {
    await h.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'dave', MessageAction: 'SUPPRESS' }),
    );
    await h.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'dave' }));
    expect((await get('dave')).Enabled).toBe(false);
    await h.client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'dave' }));
    expect((await get('dave')).Enabled).toBe(true);
    await h.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'dave',
        Password: 'Str0ng!Passw0rd',
        Permanent: true,
      }),
    );
    expect((await get('dave')).UserStatus).toBe('CONFIRMED');
    await h.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'dave',
        Password: 'Str0ng!Passw0rd',
        Permanent: false,
      }),
    );
    expect((await get('dave')).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    await h.client.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'dave' }));
    expect((await get('dave')).UserStatus).toBe('RESET_REQUIRED');
    for (const [pw, msg] of [
      ['alllowercase1!', 'Password must have uppercase characters'],
      ['ALLUPPERCASE1!', 'Password must have lowercase characters'],
      ['NoNumbers!!', 'Password must have numeric characters'],
      ['NoSymbols123', 'Password must have symbol characters'],
    ] as const) {
      await expectAwsError(
        h.client.send(
          new AdminSetUserPasswordCommand({
            UserPoolId: poolId,
            Username: 'dave',
            Password: pw,
            Permanent: true,
          }),
        ),
        'InvalidPasswordException',
        `Password did not conform with policy: ${msg}`,
      );
    }
  });

  it('deletes users and answers UserNotFoundException for unknown ones', async () => {
    await h.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'erin', MessageAction: 'SUPPRESS' }),
    );
    await h.client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'ERIN' }));
    await expectAwsError(get('erin'), 'UserNotFoundException', 'User does not exist.');
    for (const cmd of [
      new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'ghost' }),
      new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'ghost' }),
      new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'ghost' }),
      new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'ghost' }),
      new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'ghost', UserAttributes: [] }),
    ]) {
      await expectAwsError(h.client.send(cmd as never), 'UserNotFoundException', 'User does not exist.');
    }
  });

  it('signs in with email in a pool whose UsernameAttributes include email', async () => {
    const { CreateUserPoolCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const { UserPool } = await h.client.send(
      new CreateUserPoolCommand({ PoolName: 'email-pool', UsernameAttributes: ['email'] }),
    );
    const out = await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: UserPool!.Id!,
        Username: 'zoe@example.com',
        MessageAction: 'SUPPRESS',
      }),
    );
    const sub = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    expect(out.User?.Username).toBe(sub);
    const byEmail = await h.client.send(
      new AdminGetUserCommand({ UserPoolId: UserPool!.Id!, Username: 'zoe@example.com' }),
    );
    expect(byEmail.Username).toBe(sub);
  });
});

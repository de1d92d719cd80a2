import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

const PW = 'Str0ng!Passw0rd';
const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/** GetUser, GlobalSignOut, RevokeToken and AccessTokenValidity, as the API's operator re-check uses them. */
describe('access tokens: GetUser, GlobalSignOut, RevokeToken, validity', () => {
  let h: Harness;
  let clock = Date.UTC(2026, 11, 2, 12, 0, 0);
  let poolId: string;
  let clientId: string; // 15-minute access tokens, as the operator pool's console client

  beforeAll(async () => {
    h = await startHarness(undefined, { now: () => clock });
    ({ poolId } = await createPoolWithClient(h.client));
    const app = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'console',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 15,
        TokenValidityUnits: { AccessToken: 'minutes' },
      }),
    );
    clientId = app.UserPoolClient!.ClientId!;
  });
  afterAll(() => h.close());

  let n = 0;
  const newUser = async () => {
    const Username = `user${++n}`;
    await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
      }),
    );
    await h.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password: PW, Permanent: true }),
    );
    return Username;
  };
  const signIn = async (USERNAME: string, ClientId = clientId) =>
    (
      await h.client.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME, PASSWORD: PW },
        }),
      )
    ).AuthenticationResult!;
  const refresh = async (REFRESH_TOKEN: string, ClientId = clientId) =>
    (
      await h.client.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN },
        }),
      )
    ).AuthenticationResult!;
  const getUser = (AccessToken: string) => h.client.send(new GetUserCommand({ AccessToken }));
  const revoked = (p: Promise<unknown>) =>
    expectAwsError(p, 'NotAuthorizedException', 'Access Token has been revoked');

  it('issues access tokens with origin_jti, jti, iat and exp = iat + the client AccessTokenValidity', async () => {
    const described = await h.client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    expect(described.UserPoolClient).toMatchObject({
      AccessTokenValidity: 15,
      TokenValidityUnits: { AccessToken: 'minutes' },
      EnableTokenRevocation: true,
    });
    const tokens = await signIn(await newUser());
    expect(tokens.ExpiresIn).toBe(900);
    const access = claims(tokens.AccessToken!);
    expect(access).toMatchObject({
      token_use: 'access',
      client_id: clientId,
      iat: Math.floor(clock / 1000),
      exp: Math.floor(clock / 1000) + 900,
    });
    expect(access.origin_jti).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(access.jti).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(claims(tokens.IdToken!).origin_jti).toBe(access.origin_jti);
  });

  it('GetUser answers the token owner; an expired token is refused, and REFRESH_TOKEN_AUTH gives a working one', async () => {
    const username = await newUser();
    const tokens = await signIn(username);
    const me = await getUser(tokens.AccessToken!);
    expect(me.Username).toBe(username);
    expect(me.UserAttributes).toEqual(
      expect.arrayContaining([{ Name: 'email', Value: `${username}@example.com` }]),
    );
    expect(me.$metadata.attempts).toBe(1);

    clock += 15 * 60 * 1000; // the token's whole lifetime
    await expectAwsError(getUser(tokens.AccessToken!), 'NotAuthorizedException', 'Access Token has expired');
    const renewed = await refresh(tokens.RefreshToken!);
    const [before, after] = [claims(tokens.AccessToken!), claims(renewed.AccessToken!)];
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.jti).not.toBe(before.jti);
    expect(after.exp).toBe(Math.floor(clock / 1000) + 900);
    expect((await getUser(renewed.AccessToken!)).Username).toBe(username);
  });

  it('GetUser refuses tokens that are not access tokens of this emulator', async () => {
    const tokens = await signIn(await newUser());
    await expectAwsError(getUser(tokens.IdToken!), 'NotAuthorizedException', 'Invalid Access Token');
    const [header, payload] = tokens.AccessToken!.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claims(tokens.AccessToken!), username: 'admin' }),
    ).toString('base64url');
    await expectAwsError(
      getUser(`${header}.${forged}.${tokens.AccessToken!.split('.')[2]}`),
      'NotAuthorizedException',
      'Invalid Access Token',
    );
    await expectAwsError(getUser(`${header}.${payload}`), 'NotAuthorizedException', 'Invalid Access Token');
  });

  it('RevokeToken (unsigned) revokes the refresh token and the access tokens issued from it, not other sessions', async () => {
    const username = await newUser();
    const first = await signIn(username);
    const renewed = await refresh(first.RefreshToken!);
    const second = await signIn(username);
    const out = await h.client.send(
      new RevokeTokenCommand({ ClientId: clientId, Token: first.RefreshToken! }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    await revoked(getUser(first.AccessToken!));
    await revoked(getUser(renewed.AccessToken!));
    await expectAwsError(
      refresh(first.RefreshToken!),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    expect((await getUser(second.AccessToken!)).Username).toBe(username);
    // revoking again, or an unknown token, succeeds (RFC 7009 §2.2)
    await h.client.send(new RevokeTokenCommand({ ClientId: clientId, Token: first.RefreshToken! }));
    await h.client.send(new RevokeTokenCommand({ ClientId: clientId, Token: 'bm90LWEtdG9rZW4' }));
    // as the console's sign-out sends it from the browser: no signature, CORS
    const res = await fetch(h.emulator.endpoint, {
      method: 'POST',
      headers: {
        Origin: 'http://localhost:4200',
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.RevokeToken',
      },
      body: JSON.stringify({ ClientId: clientId, Token: second.RefreshToken }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    await revoked(getUser(second.AccessToken!));
  });

  it('RevokeToken refuses access tokens, other clients, wrong secrets and clients without revocation', async () => {
    const username = await newUser();
    const tokens = await signIn(username);
    const revoke = (ClientId: string, Token: string, ClientSecret?: string) =>
      h.client.send(new RevokeTokenCommand({ ClientId, Token, ClientSecret }));
    await expectAwsError(revoke(clientId, tokens.AccessToken!), 'UnsupportedTokenTypeException');
    const other = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'other',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    await expectAwsError(
      revoke(other.UserPoolClient!.ClientId!, tokens.RefreshToken!),
      'UnauthorizedException',
    );
    await expectAwsError(
      revoke('nosuchclient000000000000000', tokens.RefreshToken!),
      'UnauthorizedException',
    );
    const secret = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'secret',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const { ClientId: secretClient, ClientSecret } = secret.UserPoolClient!;
    await expectAwsError(revoke(secretClient!, 'x'), 'UnauthorizedException');
    await revoke(secretClient!, 'x', ClientSecret);
    const noRevocation = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'no-revocation',
        EnableTokenRevocation: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    expect(noRevocation.UserPoolClient?.EnableTokenRevocation).toBe(false);
    await expectAwsError(
      revoke(noRevocation.UserPoolClient!.ClientId!, 'x'),
      'UnsupportedOperationException',
    );
    expect((await getUser(tokens.AccessToken!)).Username).toBe(username);
  });

  it('GlobalSignOut revokes every session of the user', async () => {
    const username = await newUser();
    const [a, b] = [await signIn(username), await signIn(username)];
    await h.client.send(new GlobalSignOutCommand({ AccessToken: a.AccessToken! }));
    await revoked(getUser(a.AccessToken!));
    await revoked(getUser(b.AccessToken!));
    await revoked(h.client.send(new GlobalSignOutCommand({ AccessToken: b.AccessToken! })));
    await expectAwsError(
      refresh(b.RefreshToken!),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    expect((await getUser((await signIn(username)).AccessToken!)).Username).toBe(username);
  });

  it('AdminUserGlobalSignOut, AdminDisableUser and AdminDeleteUser are seen by GetUser at once', async () => {
    const username = await newUser();
    const user = { UserPoolId: poolId, Username: username };
    const first = await signIn(username);
    await h.client.send(new AdminUserGlobalSignOutCommand(user));
    await revoked(getUser(first.AccessToken!));

    const second = await signIn(username);
    await h.client.send(new AdminDisableUserCommand(user));
    await expectAwsError(getUser(second.AccessToken!), 'NotAuthorizedException', 'User is disabled.');
    await h.client.send(new AdminEnableUserCommand(user));
    await revoked(getUser(second.AccessToken!)); // disabling revoked the user's tokens

    const third = await signIn(username);
    expect((await getUser(third.AccessToken!)).Username).toBe(username);
    await h.client.send(new AdminDeleteUserCommand(user));
    await expectAwsError(getUser(third.AccessToken!), 'UserNotFoundException', 'User does not exist.');
  });

  it('holds token validity to AWS bounds; UpdateUserPoolClient resets what it is not given', async () => {
    await expectAwsError(
      h.client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'too-short',
          AccessTokenValidity: 4,
          TokenValidityUnits: { AccessToken: 'minutes' },
        }),
      ),
      'InvalidParameterException',
    );
    const hours = await h.client.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'hours', AccessTokenValidity: 2 }),
    );
    expect(hours.UserPoolClient).toMatchObject({
      AccessTokenValidity: 2,
      TokenValidityUnits: { AccessToken: 'hours' },
    });
    const updated = await h.client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId: hours.UserPoolClient!.ClientId!,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes' },
      }),
    );
    expect(updated.UserPoolClient).toMatchObject({
      ClientName: 'hours',
      AccessTokenValidity: 30,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const tokens = await signIn(await newUser(), hours.UserPoolClient!.ClientId!);
    expect(tokens.ExpiresIn).toBe(1800);
  });
});

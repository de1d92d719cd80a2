import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

const PW = 'Str0ng!Passw0rd';

describe('InitiateAuth / RespondToAuthChallenge / tokens', () => {
  let h: Harness;
  let poolId: string;
  let clientId: string;
  let jwks: Array<JsonWebKey & { kid: string }>;

  const createUser = async (Username: string, permanent = true, attrs: Record<string, string> = {}) => {
    await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: 'Temp!Passw0rd',
        UserAttributes: Object.entries(attrs).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    if (permanent)
      await h.client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password: PW, Permanent: true }),
      );
  };
  const signIn = (USERNAME: string, PASSWORD = PW, ClientId = clientId) =>
    h.client.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );
  const refresh = (REFRESH_TOKEN: string) =>
    h.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN },
      }),
    );

  /** Independent RS256 check with node:crypto against the JWKS endpoint. */
  const verifyToken = (token: string): Record<string, unknown> => {
    const [h64, p64, s64] = token.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h64, 'base64url').toString()) as { kid: string; alg: string };
    expect(header.alg).toBe('RS256');
    const jwk = jwks.find((k) => k.kid === header.kid);
    expect(jwk).toBeDefined();
    const ok = verify(
      'sha256',
      Buffer.from(`${h64}.${p64}`),
      createPublicKey({ key: jwk!, format: 'jwk' }),
      Buffer.from(s64, 'base64url'),
    );
    expect(ok).toBe(true);
    return JSON.parse(Buffer.from(p64, 'base64url').toString()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    h = await startHarness();
    ({ poolId, clientId } = await createPoolWithClient(h.client));
    jwks = (
      (await (await fetch(`${h.emulator.endpoint}/${poolId}/.well-known/jwks.json`)).json()) as {
        keys: typeof jwks;
      }
    ).keys;
    await h.client.send(
      new CreateGroupCommand({
        UserPoolId: poolId,
        GroupName: 'staff',
        Precedence: 2,
        RoleArn: 'arn:aws:iam::123456789012:role/Staff',
      }),
    );
    await h.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins', Precedence: 1 }));
  });
  afterAll(() => h.close());

  it('issues RS256 access and ID tokens with the AWS claims, verifiable via the JWKS', async () => {
    await createUser('tina', true, {
      email: 'tina@example.com',
      email_verified: 'true',
      name: 'Tina T',
      'custom:tenant': 'acme',
    });
    await h.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'tina', GroupName: 'staff' }),
    );
    await h.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'tina', GroupName: 'admins' }),
    );
    const out = await signIn('TINA');
    const r = out.AuthenticationResult!;
    expect(r.TokenType).toBe('Bearer');
    expect(r.ExpiresIn).toBe(3600);
    expect(r.RefreshToken).toBeTruthy();
    const iss = `${h.emulator.endpoint}/${poolId}`;
    const access = verifyToken(r.AccessToken!);
    const sub = (
      await h.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'tina' }))
    ).UserAttributes!.find((a) => a.Name === 'sub')!.Value;
    expect(access).toMatchObject({
      sub,
      iss,
      client_id: clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'tina',
      'cognito:groups': ['admins', 'staff'],
    });
    expect(access.aud).toBeUndefined();
    for (const k of ['origin_jti', 'event_id', 'jti']) expect(typeof access[k]).toBe('string');
    expect(access.exp).toBe((access.iat as number) + 3600);
    expect(typeof access.auth_time).toBe('number');
    const id = verifyToken(r.IdToken!);
    expect(id).toMatchObject({
      sub,
      iss,
      aud: clientId,
      token_use: 'id',
      'cognito:username': 'tina',
      'cognito:groups': ['admins', 'staff'],
      'cognito:roles': ['arn:aws:iam::123456789012:role/Staff'],
      email: 'tina@example.com',
      email_verified: true,
      name: 'Tina T',
      'custom:tenant': 'acme',
      origin_jti: access.origin_jti,
    });
  });

  it('refreshes with REFRESH_TOKEN_AUTH (same origin_jti and auth_time) and refuses garbage', async () => {
    const first = (await signIn('tina')).AuthenticationResult!;
    const again = await refresh(first.RefreshToken!);
    expect(again.AuthenticationResult?.RefreshToken).toBeUndefined();
    const a1 = verifyToken(first.AccessToken!);
    const a2 = verifyToken(again.AuthenticationResult!.AccessToken!);
    expect(a2.origin_jti).toBe(a1.origin_jti);
    expect(a2.auth_time).toBe(a1.auth_time);
    expect(a2.jti).not.toBe(a1.jti);
    await expectAwsError(refresh('not-a-token'), 'NotAuthorizedException', 'Invalid Refresh Token');
  });

  it('rejects wrong passwords, unknown users and disabled users', async () => {
    await expectAwsError(
      signIn('tina', 'Wrong!Passw0rd'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectAwsError(signIn('nobody'), 'NotAuthorizedException', 'Incorrect username or password.');
    await createUser('dana');
    await h.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'dana' }));
    await expectAwsError(signIn('dana'), 'NotAuthorizedException', 'User is disabled.');
    await h.client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'dana' }));
    expect((await signIn('dana')).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('answers PasswordResetRequiredException for RESET_REQUIRED users', async () => {
    await createUser('rita');
    await h.client.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'rita' }));
    await expectAwsError(signIn('rita'), 'PasswordResetRequiredException');
  });

  it('checks the client and its ExplicitAuthFlows', async () => {
    await expectAwsError(signIn('tina', PW, 'a'.repeat(26)), 'ResourceNotFoundException');
    const srpOnly = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'srp',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      }),
    );
    await expectAwsError(
      signIn('tina', PW, srpOnly.UserPoolClient!.ClientId!),
      'InvalidParameterException',
      /USER_PASSWORD_AUTH flow not enabled/,
    );
    const first = (await signIn('tina')).AuthenticationResult!;
    await expectAwsError(
      h.client.send(
        new InitiateAuthCommand({
          ClientId: srpOnly.UserPoolClient!.ClientId!,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: first.RefreshToken! },
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('runs the NEW_PASSWORD_REQUIRED challenge with a single-use session bound to user and client', async () => {
    await createUser('nina', false, { email: 'nina@example.com' });
    const challenge = await signIn('nina', 'Temp!Passw0rd');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.Session!.length).toBeGreaterThan(60);
    expect(challenge.ChallengeParameters).toMatchObject({
      USER_ID_FOR_SRP: 'nina',
      requiredAttributes: '[]',
    });
    expect(JSON.parse(challenge.ChallengeParameters!.userAttributes!)).toMatchObject({
      email: 'nina@example.com',
    });
    const respond = (Session: string, NEW_PASSWORD: string, USERNAME = 'nina', ClientId = clientId) =>
      h.client.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session,
          ChallengeResponses: { USERNAME, NEW_PASSWORD },
        }),
      );

    await expectAwsError(respond('forged-session', 'New!Passw0rd1'), 'NotAuthorizedException');
    await expectAwsError(respond(challenge.Session!, 'weak'), 'InvalidPasswordException');
    await expectAwsError(respond(challenge.Session!, 'New!Passw0rd1', 'tina'), 'NotAuthorizedException');
    const other = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'other',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    await expectAwsError(
      respond(challenge.Session!, 'New!Passw0rd1', 'nina', other.UserPoolClient!.ClientId!),
      'NotAuthorizedException',
    );

    const done = await respond(challenge.Session!, 'New!Passw0rd1');
    const claims = verifyToken(done.AuthenticationResult!.IdToken!);
    expect(claims['cognito:username']).toBe('nina');
    expect(
      (await h.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'nina' }))).UserStatus,
    ).toBe('CONFIRMED');
    await expectAwsError(respond(challenge.Session!, 'Other!Passw0rd1'), 'NotAuthorizedException'); // single use
    expect((await signIn('nina', 'New!Passw0rd1')).AuthenticationResult).toBeDefined();
  });

  it('global sign-out, disable and delete revoke refresh tokens', async () => {
    await createUser('gary');
    const before = (await signIn('gary')).AuthenticationResult!;
    await h.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'gary' }));
    await expectAwsError(
      refresh(before.RefreshToken!),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    const after = (await signIn('gary')).AuthenticationResult!;
    expect((await refresh(after.RefreshToken!)).AuthenticationResult?.AccessToken).toBeTruthy();

    await h.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'gary' }));
    await expectAwsError(refresh(after.RefreshToken!), 'NotAuthorizedException');
    await h.client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'gary' }));
    await expectAwsError(
      refresh(after.RefreshToken!),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );

    const last = (await signIn('gary')).AuthenticationResult!;
    await h.client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'gary' }));
    await expectAwsError(refresh(last.RefreshToken!), 'NotAuthorizedException');
  });
});

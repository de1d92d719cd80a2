import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

const PW = 'Str0ng!Passw0rd';

describe('SignUp / AdminConfirmSignUp / AdminCreateUser RESEND', () => {
  let h: Harness;
  let poolId: string;
  let clientId: string;
  const signIn = (USERNAME: string, PASSWORD: string) =>
    h.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );
  const status = async (Username: string) =>
    (await h.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }))).UserStatus;

  beforeAll(async () => {
    h = await startHarness();
    ({ poolId, clientId } = await createPoolWithClient(h.client));
  });
  afterAll(() => h.close());

  it('a signed-up user is UNCONFIRMED until AdminConfirmSignUp, then signs in', async () => {
    const out = await h.client.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'una',
        Password: PW,
        UserAttributes: [{ Name: 'email', Value: 'una@example.com' }],
      }),
    );
    expect(out.UserConfirmed).toBe(false);
    expect(out.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(await status('una')).toBe('UNCONFIRMED');
    await expectAwsError(signIn('una', PW), 'UserNotConfirmedException');
    await expectAwsError(
      h.client.send(new SignUpCommand({ ClientId: clientId, Username: 'UNA', Password: PW })),
      'UsernameExistsException',
    );
    await expectAwsError(
      h.client.send(new SignUpCommand({ ClientId: clientId, Username: 'weak', Password: 'short' })),
      'InvalidPasswordException',
    );
    await h.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'una' }));
    expect(await status('una')).toBe('CONFIRMED');
    expect((await signIn('una', PW)).AuthenticationResult).toBeDefined();
    await expectAwsError(
      h.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'una' })),
      'NotAuthorizedException',
      'User cannot be confirmed. Current status is CONFIRMED',
    );
    await expectAwsError(
      h.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'ghost' })),
      'UserNotFoundException',
    );
  });

  it('RESEND gives a FORCE_CHANGE_PASSWORD user a new temporary password; the old one stops working', async () => {
    await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'ria',
        MessageAction: 'SUPPRESS',
        TemporaryPassword: 'Old!Temp0rary',
      }),
    );
    expect((await signIn('ria', 'Old!Temp0rary')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const resent = await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'ria',
        MessageAction: 'RESEND',
        TemporaryPassword: 'New!Temp0rary',
      }),
    );
    expect(resent.User).toMatchObject({ Username: 'ria', UserStatus: 'FORCE_CHANGE_PASSWORD' });
    await expectAwsError(signIn('ria', 'Old!Temp0rary'), 'NotAuthorizedException');
    expect((await signIn('ria', 'New!Temp0rary')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

    await h.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ria', Password: PW, Permanent: true }),
    );
    await expectAwsError(
      h.client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ria', MessageAction: 'RESEND' }),
      ),
      'UnsupportedUserStateException',
    );
    await expectAwsError(
      h.client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'nobody', MessageAction: 'RESEND' }),
      ),
      'UserNotFoundException',
    );
  });
});

import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CreateUserPoolClientCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { totpCode } from '../core/totp';
import { createPoolWithClient, expectAwsError, Harness, startHarness, tempDataDir } from './harness';

const PW = 'Str0ng!Passw0rd';

describe('MFA: pool configuration, TOTP enrolment and the sign-in challenges', () => {
  let h: Harness;
  let poolId: string;
  let clientId: string;
  let clock = Date.UTC(2026, 11, 2, 12, 0, 0);
  /** The next 30-second step: a TOTP code is good once, so each use moves the clock on. */
  const tick = () => (clock += 30_000);
  const code = (secret: string) => totpCode(secret, clock);

  const createUser = async (Username: string, permanent = true) => {
    await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: 'Temp!Passw0rd',
      }),
    );
    if (permanent)
      await h.client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password: PW, Permanent: true }),
      );
  };
  const signIn = (USERNAME: string, PASSWORD = PW) =>
    h.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );
  const respondTotp = (Session: string, USERNAME: string, SOFTWARE_TOKEN_MFA_CODE: string) =>
    h.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session,
        ChallengeResponses: { USERNAME, SOFTWARE_TOKEN_MFA_CODE },
      }),
    );
  const mfaOf = async (Username: string) => {
    const u = await h.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }));
    return { list: u.UserMFASettingList, preferred: u.PreferredMfaSetting };
  };
  const setPoolMfa = (MfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL', totp = true) =>
    h.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration,
        SoftwareTokenMfaConfiguration: { Enabled: totp },
      }),
    );
  /** Enrols a signed-in user's authenticator as an app would: associate, compute a code, verify. */
  const enrol = async (AccessToken: string) => {
    const { SecretCode } = await h.client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(SecretCode).toMatch(/^[A-Z2-7]{32}$/);
    const verified = await h.client.send(
      new VerifySoftwareTokenCommand({
        AccessToken,
        UserCode: code(SecretCode!),
        FriendlyDeviceName: 'phone',
      }),
    );
    expect(verified.Status).toBe('SUCCESS');
    tick();
    return SecretCode!;
  };

  beforeAll(async () => {
    h = await startHarness(tempDataDir(), { now: () => clock });
    ({ poolId, clientId } = await createPoolWithClient(h.client));
  });
  afterAll(() => h.close());

  it('GetUserPoolMfaConfig / SetUserPoolMfaConfig validate and answer the configuration', async () => {
    expect(await h.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).toMatchObject({
      MfaConfiguration: 'OFF',
      SoftwareTokenMfaConfiguration: { Enabled: false },
    });
    await expectAwsError(setPoolMfa('ON', false), 'InvalidParameterException');
    await expectAwsError(setPoolMfa('OFF', true), 'InvalidParameterException');
    await expectAwsError(
      h.client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: poolId,
          MfaConfiguration: 'OPTIONAL',
          SmsMfaConfiguration: { SmsAuthenticationMessage: 'no placeholder here' },
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      h.client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: poolId,
          MfaConfiguration: 'OPTIONAL',
          EmailMfaConfiguration: { Message: 'no code', Subject: 'Your code' },
        }),
      ),
      'InvalidParameterException',
    );
    const set = await h.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: {
          SmsAuthenticationMessage: 'Your code is {####}',
          SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns-caller', ExternalId: 'x' },
        },
        EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'Your code' },
      }),
    );
    expect(set).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const got = await h.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(got).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: 'Your code is {####}',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns-caller', ExternalId: 'x' },
      },
      EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'Your code' },
    });
    // the factor blocks are the whole configuration: what is left out is off
    await setPoolMfa('OPTIONAL');
    const after = await h.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(after.SmsMfaConfiguration).toBeUndefined();
    expect(after.EmailMfaConfiguration).toBeUndefined();
    await expectAwsError(
      h.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: 'us-east-1_nonexist0' })),
      'ResourceNotFoundException',
    );
  });

  it('enrols TOTP as an authenticator app does and challenges it at sign-in', async () => {
    await createUser('tara');
    const first = await signIn('tara');
    const access = first.AuthenticationResult!.AccessToken!;
    await expectAwsError(
      h.client.send(
        new SetUserMFAPreferenceCommand({
          AccessToken: access,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      ),
      'InvalidParameterException',
      'User has not verified software token mfa',
    );
    const { SecretCode } = await h.client.send(new AssociateSoftwareTokenCommand({ AccessToken: access }));
    await expectAwsError(
      h.client.send(new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: '000000' })),
      'EnableSoftwareTokenMFAException',
    );
    expect(
      (
        await h.client.send(
          new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: code(SecretCode!) }),
        )
      ).Status,
    ).toBe('SUCCESS');
    tick();
    expect(await mfaOf('tara')).toEqual({ list: ['SOFTWARE_TOKEN_MFA'], preferred: undefined });
    await h.client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: access,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    expect(await mfaOf('tara')).toEqual({ list: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' });
    const self = await h.client.send(new GetUserCommand({ AccessToken: access }));
    expect(self).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });

    const challenge = await signIn('tara');
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(challenge.AuthenticationResult).toBeUndefined();
    await expectAwsError(respondTotp(challenge.Session!, 'tara', '123456'), 'CodeMismatchException');
    const good = code(SecretCode!);
    const tokens = await respondTotp(challenge.Session!, 'tara', good);
    expect(tokens.AuthenticationResult?.AccessToken).toBeTruthy();
    // the session is single use; the code too
    await expectAwsError(respondTotp(challenge.Session!, 'tara', good), 'NotAuthorizedException');
    const again = await signIn('tara');
    await expectAwsError(respondTotp(again.Session!, 'tara', good), 'CodeMismatchException');
    tick();
    expect((await respondTotp(again.Session!, 'tara', code(SecretCode!))).AuthenticationResult).toBeDefined();
    tick();
  });

  it('AdminDeleteSoftwareToken removes the factor: the next sign-in has no TOTP step', async () => {
    await h.client.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'tara' }));
    expect(await mfaOf('tara')).toEqual({ list: undefined, preferred: undefined });
    expect((await signIn('tara')).AuthenticationResult).toBeDefined();
    // a user without an authenticator: nothing to remove, the call succeeds
    await h.client.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'tara' }));
    await expectAwsError(
      h.client.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'ghost' })),
      'UserNotFoundException',
    );
  });

  it('AdminSetUserMFAPreference sets and clears enabled and preferred factors', async () => {
    await createUser('abe');
    const access = (await signIn('abe')).AuthenticationResult!.AccessToken!;
    await enrol(access);
    await h.client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: 'abe',
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    expect(await mfaOf('abe')).toEqual({ list: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' });
    await expectAwsError(
      h.client.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: poolId,
          Username: 'abe',
          SMSMfaSettings: { Enabled: false, PreferredMfa: true },
        }),
      ),
      'InvalidParameterException',
    );
    await h.client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: 'abe',
        SoftwareTokenMfaSettings: { Enabled: false },
      }),
    );
    expect(await mfaOf('abe')).toEqual({ list: undefined, preferred: undefined });
    expect((await signIn('abe')).AuthenticationResult).toBeDefined();
  });

  it('MFA ON: a user without a factor sets one up in the MFA_SETUP challenge', async () => {
    await setPoolMfa('ON');
    await createUser('sam', false);
    const first = await signIn('sam', 'Temp!Passw0rd');
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const setup = await h.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'sam', NEW_PASSWORD: PW },
      }),
    );
    expect(setup.ChallengeName).toBe('MFA_SETUP');
    expect(JSON.parse(setup.ChallengeParameters!.MFAS_CAN_SETUP!)).toEqual(['SOFTWARE_TOKEN_MFA']);
    const respondSetup = (Session: string) =>
      h.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'MFA_SETUP',
          Session,
          ChallengeResponses: { USERNAME: 'sam' },
        }),
      );
    await expectAwsError(respondSetup(setup.Session!), 'InvalidParameterException');
    const assoc = await h.client.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    expect(assoc.Session).toBeTruthy();
    await expectAwsError(
      h.client.send(new VerifySoftwareTokenCommand({ Session: assoc.Session, UserCode: '000000' })),
      'EnableSoftwareTokenMFAException',
    );
    const verified = await h.client.send(
      new VerifySoftwareTokenCommand({ Session: assoc.Session, UserCode: code(assoc.SecretCode!) }),
    );
    expect(verified.Status).toBe('SUCCESS');
    tick();
    const done = await respondSetup(verified.Session!);
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    await expectAwsError(respondSetup(verified.Session!), 'NotAuthorizedException');
    expect((await mfaOf('sam')).list).toEqual(['SOFTWARE_TOKEN_MFA']);
    const next = await signIn('sam');
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(
      (await respondTotp(next.Session!, 'sam', code(assoc.SecretCode!))).AuthenticationResult,
    ).toBeDefined();
    tick();

    // support resets MFA: with MFA ON and no factor left, the next sign-in is MFA_SETUP again
    await h.client.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: 'sam' }));
    expect((await signIn('sam')).ChallengeName).toBe('MFA_SETUP');
  });

  it('AdminInitiateAuth / AdminRespondToAuthChallenge run the same flows for admin clients', async () => {
    const admin = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'backend',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const ClientId = admin.UserPoolClient!.ClientId!;
    const adminSignIn = (USERNAME: string, id = ClientId) =>
      h.client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: id,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME, PASSWORD: PW },
        }),
      );
    await expectAwsError(adminSignIn('sam', clientId), 'InvalidParameterException');
    const challenge = await adminSignIn('sam');
    expect(challenge.ChallengeName).toBe('MFA_SETUP');
    const assoc = await h.client.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }));
    const verified = await h.client.send(
      new VerifySoftwareTokenCommand({ Session: assoc.Session, UserCode: code(assoc.SecretCode!) }),
    );
    tick();
    const done = await h.client.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: { USERNAME: 'sam' },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    const totp = await adminSignIn('sam');
    expect(totp.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const respond = (SOFTWARE_TOKEN_MFA_CODE: string) =>
      h.client.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: poolId,
          ClientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: totp.Session,
          ChallengeResponses: { USERNAME: 'sam', SOFTWARE_TOKEN_MFA_CODE },
        }),
      );
    await expectAwsError(respond('111111'), 'CodeMismatchException');
    expect((await respond(code(assoc.SecretCode!))).AuthenticationResult?.RefreshToken).toBeTruthy();
    tick();
  });
});

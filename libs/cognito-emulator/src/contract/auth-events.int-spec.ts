import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminListUserAuthEventsCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  type AuthEventType,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { totpCode } from '../core/totp';
import { expectAwsError, Harness, startHarness, tempDataDir } from './harness';

const PW = 'Str0ng!Passw0rd';

describe('feature plans (UserPoolTier), threat protection and sign-in history', () => {
  let h: Harness;
  let clock = Date.UTC(2026, 11, 2, 9, 0, 0);
  let poolId: string;
  let clientId: string;

  const createPool = (input: Partial<ConstructorParameters<typeof CreateUserPoolCommand>[0]> = {}) =>
    h.client.send(new CreateUserPoolCommand({ PoolName: 'p', ...input }));
  const events = (Username: string, MaxResults?: number, NextToken?: string) =>
    h.client.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username, MaxResults, NextToken }),
    );
  const signIn = (USERNAME: string, PASSWORD = PW) =>
    h.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );

  beforeAll(async () => {
    h = await startHarness(tempDataDir(), { now: () => clock });
  });
  afterAll(() => h.close());

  it('CreateUserPool / UpdateUserPool / DescribeUserPool carry the tier; threat protection needs PLUS', async () => {
    const plain = await createPool();
    expect(plain.UserPool?.UserPoolTier).toBe('ESSENTIALS');
    expect(plain.UserPool?.UserPoolAddOns).toBeUndefined();
    await expectAwsError(
      createPool({ UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } }),
      'FeatureUnavailableInTierException',
    );
    await expectAwsError(
      createPool({ UserPoolTier: 'LITE', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } }),
      'FeatureUnavailableInTierException',
    );
    await expectAwsError(createPool({ UserPoolTier: 'GOLD' as never }), 'InvalidParameterException');
    const plus = await createPool({
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    expect(plus.UserPool).toMatchObject({
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });

    const id = plain.UserPool!.Id!;
    await expectAwsError(
      h.client.send(
        new UpdateUserPoolCommand({ UserPoolId: id, UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } }),
      ),
      'FeatureUnavailableInTierException',
    );
    await h.client.send(
      new UpdateUserPoolCommand({
        UserPoolId: id,
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      }),
    );
    expect((await h.client.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool).toMatchObject({
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
    });
    // email MFA needs Essentials or Plus
    const lite = await createPool({ UserPoolTier: 'LITE' });
    await expectAwsError(
      h.client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: lite.UserPool!.Id!,
          MfaConfiguration: 'OPTIONAL',
          EmailMfaConfiguration: { Message: 'Code {####}', Subject: 'Code' },
        }),
      ),
      'FeatureUnavailableInTierException',
    );
  });

  it('UpdateUserPool returns what is left out to its default (as AWS warns)', async () => {
    const pool = await createPool({
      Policies: { PasswordPolicy: { MinimumLength: 12 } },
      DeletionProtection: 'ACTIVE',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    const id = pool.UserPool!.Id!;
    await h.client.send(new UpdateUserPoolCommand({ UserPoolId: id, PoolName: 'renamed' }));
    expect((await h.client.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool).toMatchObject({
      Name: 'renamed',
      DeletionProtection: 'INACTIVE',
      Policies: { PasswordPolicy: { MinimumLength: 8 } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      MfaConfiguration: 'OFF',
    });
  });

  it('AdminListUserAuthEvents: UserPoolAddOnNotEnabledException without threat protection', async () => {
    const pool = await createPool();
    poolId = pool.UserPool!.Id!;
    await h.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ed', MessageAction: 'SUPPRESS' }),
    );
    await expectAwsError(events('ed'), 'UserPoolAddOnNotEnabledException');
  });

  it('records every sign-in attempt, newest first, paged, in the AuthEventType shape', async () => {
    const pool = await createPool({
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
    });
    poolId = pool.UserPool!.Id!;
    const app = await h.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
      }),
    );
    clientId = app.UserPoolClient!.ClientId!;
    await h.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ivy', MessageAction: 'SUPPRESS' }),
    );
    await h.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ivy', Password: PW, Permanent: true }),
    );

    await signIn('ivy'); // 1: Pass
    clock += 60_000;
    await expectAwsError(signIn('ivy', 'Wrong!Passw0rd'), 'NotAuthorizedException'); // 2: Fail
    clock += 60_000;
    await h.client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'ivy', PASSWORD: PW },
        ContextData: {
          IpAddress: '203.0.113.7',
          ServerName: 'app.example.com',
          ServerPath: '/login',
          HttpHeaders: [{ headerName: 'User-Agent', headerValue: 'Mozilla/5.0 (X11; Linux x86_64)' }],
        },
      }),
    ); // 3: Pass with context
    clock += 60_000;
    // 4: MFA — wrong code then right code: one event, Pass with Mfa Success
    await h.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const access = (await signIn('ivy')).AuthenticationResult!.AccessToken!; // (also 4th: Pass)
    const { SecretCode } = await h.client.send(new AssociateSoftwareTokenCommand({ AccessToken: access }));
    await h.client.send(
      new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: totpCode(SecretCode!, clock) }),
    );
    clock += 60_000;
    const challenge = await signIn('ivy');
    const respond = (code: string) =>
      h.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'ivy', SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      );
    await expectAwsError(respond('000001'), 'CodeMismatchException');
    await respond(totpCode(SecretCode!, clock));

    const all: AuthEventType[] = [];
    let NextToken: string | undefined;
    do {
      const page = await events('IVY', 2, NextToken);
      expect(page.AuthEvents!.length).toBeLessThanOrEqual(2);
      all.push(...page.AuthEvents!);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(all).toHaveLength(5);
    const times = all.map((e) => e.CreationDate!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(all.map((e) => e.EventId)).size).toBe(5);
    for (const e of all) {
      expect(e.EventType).toBe('SignIn');
      expect(e.EventRisk).toEqual({
        RiskDecision: 'NoRisk',
        RiskLevel: 'Low',
        CompromisedCredentialsDetected: false,
      });
    }
    const [mfa, , withContext, failed, first] = all;
    expect(mfa).toMatchObject({
      EventResponse: 'Pass',
      ChallengeResponses: [
        { ChallengeName: 'Password', ChallengeResponse: 'Success' },
        { ChallengeName: 'Mfa', ChallengeResponse: 'Success' },
      ],
    });
    expect(withContext).toMatchObject({
      EventResponse: 'Pass',
      EventContextData: { IpAddress: '203.0.113.7', DeviceName: 'Mozilla/5.0 (X11; Linux x86_64)' },
    });
    expect(failed).toMatchObject({
      EventResponse: 'Fail',
      ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }],
    });
    expect(first!.CreationDate!.getTime()).toBe(Date.UTC(2026, 11, 2, 9, 0, 0));
    expect(first).not.toHaveProperty('EventContextData');
    await expectAwsError(events('ivy', 61), 'InvalidParameterException');
    await expectAwsError(events('nobody'), 'UserNotFoundException');
  });
});

import { describe, expect, it } from '@jest/globals';
import { deleteSoftwareToken, getPoolMfaConfig, setPoolMfaConfig, setUserMfaPreference } from './mfa';
import { describeThreatProtection, listAuthEvents } from './sessions';
import { markAttributesVerified, resendInvitation, runUserAction } from './users';

/** A stand-in for an SDK client (not our code): records commands and answers each with the next reply. */
function sdk(...replies: unknown[]) {
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      const reply = replies.shift();
      if (reply instanceof Error) throw reply;
      return reply ?? {};
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each port takes its own SDK client type
  return { client: client as any, sent };
}

const awsError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, requestId: 'r-1' } });

describe('mfa port', () => {
  it('reads SMS and email settings so a later write can send them back', async () => {
    const { client } = sdk({
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: 'Code {####}',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'e' },
      },
      EmailMfaConfiguration: { Subject: 'Code' },
    });
    expect(await getPoolMfaConfig(client, 'us-east-1_P1')).toEqual({
      mode: 'ON',
      softwareToken: true,
      sms: true,
      email: true,
      smsSettings: {
        message: 'Code {####}',
        snsCallerArn: 'arn:aws:iam::123456789012:role/sns',
        externalId: 'e',
        snsRegion: null,
      },
      emailSettings: { message: null, subject: 'Code' },
    });
  });

  it('writes the whole configuration, leaving out factors that are off, with the request id', async () => {
    const { client, sent } = sdk({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      $metadata: { requestId: 'req-9' },
    });
    const result = await setPoolMfaConfig(client, {
      poolId: 'us-east-1_P1',
      mode: 'OPTIONAL',
      softwareToken: true,
      sms: null,
      email: { message: null, subject: 'Your code' },
    });
    expect(sent[0]).toEqual({
      name: 'SetUserPoolMfaConfigCommand',
      input: {
        UserPoolId: 'us-east-1_P1',
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Subject: 'Your code' },
      },
    });
    expect(result).toMatchObject({ requestId: 'req-9', value: { mode: 'OPTIONAL', softwareToken: true } });
  });

  it('sends only the factors a preference names; maps tier and code errors', async () => {
    const { client, sent } = sdk(
      {},
      awsError('FeatureUnavailableInTierException', 'Email MFA requires Essentials'),
      awsError('EnableSoftwareTokenMFAException', 'Code mismatch'),
    );
    await setUserMfaPreference(client, 'us-east-1_P1', 'ann', {
      softwareToken: { enabled: false, preferred: false },
    });
    expect(sent[0]).toEqual({
      name: 'AdminSetUserMFAPreferenceCommand',
      input: {
        UserPoolId: 'us-east-1_P1',
        Username: 'ann',
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      },
    });
    await expect(
      setPoolMfaConfig(client, { poolId: 'p', mode: 'OFF', softwareToken: false, sms: null, email: null }),
    ).rejects.toMatchObject({ code: 'COGNITO_FEATURE_UNAVAILABLE' });
    await expect(deleteSoftwareToken(client, 'p', 'ann')).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
      awsErrorName: 'EnableSoftwareTokenMFAException',
    });
    expect(sent[2]?.name).toBe('AdminDeleteSoftwareTokenCommand');
  });
});

describe('sessions port: sign-in history', () => {
  it('maps AuthEventType, nulls for what AWS leaves out, and the page token', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const { client, sent } = sdk({
      AuthEvents: [
        {
          EventId: 'e1',
          EventType: 'SignIn',
          CreationDate: at,
          EventResponse: 'Fail',
          EventRisk: { RiskDecision: 'NoRisk', RiskLevel: 'Low', CompromisedCredentialsDetected: false },
          ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }],
          EventContextData: { IpAddress: '203.0.113.7' },
        },
        { EventId: 'e2', EventType: 'SignIn' },
      ],
      NextToken: 'n2',
    });
    const page = await listAuthEvents(client, 'us-east-1_P1', 'ann', { limit: 25, nextToken: 'n1' });
    expect(sent[0]?.input).toEqual({
      UserPoolId: 'us-east-1_P1',
      Username: 'ann',
      MaxResults: 25,
      NextToken: 'n1',
    });
    expect(page.nextToken).toBe('n2');
    expect(page.items[0]).toEqual({
      eventId: 'e1',
      type: 'SignIn',
      createdAt: at,
      response: 'Fail',
      risk: { decision: 'NoRisk', level: 'Low', compromisedCredentials: false },
      challenges: [{ name: 'Password', response: 'Failure' }],
      context: { ipAddress: '203.0.113.7', deviceName: null, timezone: null, city: null, country: null },
    });
    expect(page.items[1]).toEqual({
      eventId: 'e2',
      type: 'SignIn',
      createdAt: null,
      response: null,
      risk: null,
      challenges: [],
      context: null,
    });
  });

  it.each([0, 61, 2.5])('rejects limit %p before calling AWS', async (limit) => {
    const { client, sent } = sdk();
    await expect(listAuthEvents(client, 'p', 'ann', { limit })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(sent).toHaveLength(0);
  });

  it('a pool without threat protection is COGNITO_FEATURE_UNAVAILABLE, naming the AWS error', async () => {
    const { client } = sdk(awsError('UserPoolAddOnNotEnabledException', 'not enabled'));
    await expect(listAuthEvents(client, 'p', 'ann', { limit: 10 })).rejects.toMatchObject({
      code: 'COGNITO_FEATURE_UNAVAILABLE',
      awsErrorName: 'UserPoolAddOnNotEnabledException',
    });
  });
});

describe('sessions port: threat protection', () => {
  it('reads the feature plan and threat protection mode, null where AWS leaves them out', async () => {
    const { client, sent } = sdk(
      { UserPool: { Id: 'p', UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } } },
      { UserPool: { Id: 'p', UserPoolTier: 'ESSENTIALS' } },
      { UserPool: { Id: 'p' } },
    );
    expect(await describeThreatProtection(client, 'p')).toEqual({ tier: 'PLUS', mode: 'AUDIT' });
    expect(await describeThreatProtection(client, 'p')).toEqual({ tier: 'ESSENTIALS', mode: null });
    expect(await describeThreatProtection(client, 'p')).toEqual({ tier: null, mode: null });
    expect(sent[0]).toEqual({ name: 'DescribeUserPoolCommand', input: { UserPoolId: 'p' } });
  });
});

describe('users port: invitations, confirmation, verified flags', () => {
  it('resends with RESEND; a confirmed user is CONFLICT', async () => {
    const { client, sent } = sdk(
      { User: { Username: 'ria', UserStatus: 'FORCE_CHANGE_PASSWORD' }, $metadata: { requestId: 'q' } },
      awsError('UnsupportedUserStateException', 'Resend not possible. User is already confirmed.'),
    );
    const out = await resendInvitation(client, { poolId: 'p', username: 'ria', deliveryMediums: ['EMAIL'] });
    expect(out).toMatchObject({
      requestId: 'q',
      value: { username: 'ria', status: 'FORCE_CHANGE_PASSWORD' },
    });
    expect(sent[0]).toEqual({
      name: 'AdminCreateUserCommand',
      input: { UserPoolId: 'p', Username: 'ria', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] },
    });
    await expect(resendInvitation(client, { poolId: 'p', username: 'ria' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('confirms sign-up and sends only the verified flags', async () => {
    const { client, sent } = sdk({}, {});
    await runUserAction(client, 'confirmSignUp', 'p', 'una');
    await markAttributesVerified(client, 'p', 'una', ['email', 'phone_number', 'email']);
    expect(sent).toEqual([
      { name: 'AdminConfirmSignUpCommand', input: { UserPoolId: 'p', Username: 'una' } },
      {
        name: 'AdminUpdateUserAttributesCommand',
        input: {
          UserPoolId: 'p',
          Username: 'una',
          UserAttributes: [
            { Name: 'email_verified', Value: 'true' },
            { Name: 'phone_number_verified', Value: 'true' },
          ],
        },
      },
    ]);
    await expect(markAttributesVerified(client, 'p', 'una', [])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

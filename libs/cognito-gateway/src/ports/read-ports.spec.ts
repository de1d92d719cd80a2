import { describe, expect, it } from '@jest/globals';
import { getRole, listRoles } from './iam';
import { describeIdentityPool, listIdentityPools } from './identity-pools';
import { describeIdentityProvider, listIdentityProviders } from './identity-providers';
import { getPoolMfaConfig } from './mfa';
import { getTokenOwner } from './sessions';
import { describeUserPoolClient, listUserPoolClients } from './user-pool-clients';

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

describe('user pool clients', () => {
  it('never reads the client secret out, only whether there is one', async () => {
    const { client } = sdk({
      UserPoolClient: {
        ClientId: 'c1',
        UserPoolId: 'us-east-1_P1',
        ClientName: 'web',
        ClientSecret: 'super-secret-value',
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 15,
        TokenValidityUnits: { AccessToken: 'minutes' },
      },
    });
    const info = await describeUserPoolClient(client, 'us-east-1_P1', 'c1');
    expect(info).toEqual({
      clientId: 'c1',
      poolId: 'us-east-1_P1',
      name: 'web',
      hasSecret: true,
      explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      supportedIdentityProviders: [],
      accessTokenValiditySeconds: 900,
    });
    expect(JSON.stringify(info)).not.toContain('super-secret-value');
  });

  it('lists every page', async () => {
    const { client, sent } = sdk(
      { UserPoolClients: [{ ClientId: 'a', ClientName: 'A' }], NextToken: 't' },
      { UserPoolClients: [{ ClientId: 'b', ClientName: 'B' }] },
    );
    expect(await listUserPoolClients(client, 'us-east-1_P1')).toEqual([
      { clientId: 'a', name: 'A' },
      { clientId: 'b', name: 'B' },
    ]);
    expect(sent[1]?.input).toMatchObject({ UserPoolId: 'us-east-1_P1', NextToken: 't', MaxResults: 60 });
  });
});

describe('mfa, identity providers, sessions', () => {
  it('reads the pool MFA configuration', async () => {
    const { client, sent } = sdk({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(await getPoolMfaConfig(client, 'us-east-1_P1')).toEqual({
      mode: 'OPTIONAL',
      softwareToken: true,
      sms: false,
      email: false,
      smsSettings: null,
      emailSettings: null,
    });
    expect(sent[0]).toEqual({ name: 'GetUserPoolMfaConfigCommand', input: { UserPoolId: 'us-east-1_P1' } });
  });

  it('lists identity providers', async () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const { client } = sdk({
      Providers: [{ ProviderName: 'Okta', ProviderType: 'SAML', CreationDate: created }],
    });
    expect(await listIdentityProviders(client, 'us-east-1_P1')).toEqual([
      { name: 'Okta', type: 'SAML', createdAt: created },
    ]);
  });

  it('GetUser with a revoked access token is NOT_AUTHORIZED', async () => {
    const revoked = Object.assign(new Error('Access Token has been revoked'), {
      name: 'NotAuthorizedException',
      $metadata: { httpStatusCode: 400, requestId: 'r' },
    });
    const { client, sent } = sdk(revoked);
    await expect(getTokenOwner(client, 'tok')).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(sent[0]).toEqual({ name: 'GetUserCommand', input: { AccessToken: 'tok' } });
  });
});

describe('identity pools and IAM', () => {
  it('maps identity pools', async () => {
    const { client } = sdk(
      { IdentityPools: [{ IdentityPoolId: 'us-east-1:1-2', IdentityPoolName: 'app' }] },
      {
        IdentityPoolId: 'us-east-1:1-2',
        IdentityPoolName: 'app',
        AllowUnauthenticatedIdentities: true,
        CognitoIdentityProviders: [
          { ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_P1', ClientId: 'c1' },
        ],
      },
    );
    expect(await listIdentityPools(client)).toEqual([{ id: 'us-east-1:1-2', name: 'app' }]);
    expect(await describeIdentityPool(client, 'us-east-1:1-2')).toEqual({
      id: 'us-east-1:1-2',
      name: 'app',
      allowUnauthenticated: true,
      allowClassicFlow: false,
      userPoolProviders: [
        {
          providerName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_P1',
          clientId: 'c1',
          serverSideTokenCheck: false,
        },
      ],
      supportedLoginProviders: {},
      openIdConnectProviderArns: [],
      samlProviderArns: [],
      developerProviderName: null,
    });
  });

  it('decodes the URL-encoded trust policy GetRole returns; NoSuchEntity is ROLE_NOT_FOUND', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' }],
    };
    const missing = Object.assign(new Error('The role with name x cannot be found.'), {
      name: 'NoSuchEntity',
      $metadata: { httpStatusCode: 404, requestId: 'r' },
    });
    const { client } = sdk(
      {
        Role: {
          RoleName: 'app',
          Arn: 'arn:aws:iam::123456789012:role/app',
          Path: '/',
          AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(policy)),
        },
      },
      missing,
    );
    expect(await getRole(client, 'app')).toEqual({
      name: 'app',
      arn: 'arn:aws:iam::123456789012:role/app',
      path: '/',
      description: null,
      createdAt: null,
      trustPolicy: policy,
    });
    await expect(getRole(client, 'x')).rejects.toMatchObject({
      code: 'ROLE_NOT_FOUND',
      awsErrorName: 'NoSuchEntity',
    });
  });
});

describe('identity providers', () => {
  it('never reads a secret out: client_secret and private_key are named in secretsSet only', async () => {
    const { client } = sdk({
      IdentityProvider: {
        UserPoolId: 'us-east-1_P1',
        ProviderName: 'SignInWithApple',
        ProviderType: 'SignInWithApple',
        ProviderDetails: {
          client_id: 'com.acme',
          private_key: 'PRIVATE',
          client_secret: 'SECRET',
          team_id: 'T',
        },
      },
    });
    const info = await describeIdentityProvider(client, 'us-east-1_P1', 'SignInWithApple');
    expect(info.details).toEqual({ client_id: 'com.acme', team_id: 'T' });
    expect(info.secretsSet).toEqual(['client_secret', 'private_key']);
    expect(JSON.stringify(info)).not.toMatch(/PRIVATE|SECRET/);
  });
});

describe('IAM roles', () => {
  it('pages by Marker only while IsTruncated, and checks maxItems before calling IAM', async () => {
    const { client, sent } = sdk(
      { Roles: [{ RoleName: 'a' }], IsTruncated: true, Marker: 'm1' },
      { Roles: [{ RoleName: 'b' }], IsTruncated: false, Marker: 'ignored' },
    );
    expect((await listRoles(client, { maxItems: 1 })).nextToken).toBe('m1');
    expect((await listRoles(client, { marker: 'm1', pathPrefix: '/app/' })).nextToken).toBeNull();
    expect(sent[1]?.input).toEqual({ Marker: 'm1', PathPrefix: '/app/' });
    await expect(listRoles(client, { maxItems: 1001 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(sent).toHaveLength(2);
  });
});

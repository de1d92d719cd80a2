import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  ListIdentityProvidersCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  evaluateRoleMapping,
  type RoleMapping,
  roleNameOfArn,
  trustsCognitoIdentity,
} from '@poolkeeper/contract';
import { decodeJwt } from '../core/jwt';
import { totpCode } from '../core/totp';
import {
  DEMO_TOTP_USERS,
  demoTotpSecretFor,
  operatorPassword,
  seedLocalCognito,
  type LocalSeed,
} from '../index';
import { DEMO_ROLES, demoRoleArn } from '../seed/federation';
import { expectAwsError, Harness, startHarness, tempDataDir } from './harness';

const local = { accessKeyId: 'local', secretAccessKey: 'local' };

describe('the federation seed', () => {
  let h: Harness;
  let seed: LocalSeed;
  let identity: CognitoIdentityClient;
  let iam: IAMClient;
  let demoPoolId: string;
  let provider: string;
  const sdk = <T>(C: new (c: object) => T, credentials: object = local) =>
    new C({ endpoint: h.emulator.endpoint, region: h.emulator.region, credentials, maxAttempts: 1 });
  const pool = (name: string) => seed.federation.identityPools.find((p) => p.name === name)!.id;

  /** Ahead of the wall clock once seeded: the TOTP codes the seed used are spent (see seed-security). */
  let ahead = 0;
  const now = () => Date.now() + ahead;

  beforeAll(async () => {
    h = await startHarness(tempDataDir(), { now, totpSecretFor: demoTotpSecretFor });
    // the four hand-written demo users: sam.lee is on the enterprise plan, siobhan.obrien on pro
    seed = await seedLocalCognito(h.emulator.endpoint, h.emulator.region, { demoUsers: 4 });
    ahead = 5 * 60_000;
    identity = sdk(CognitoIdentityClient);
    iam = sdk(IAMClient);
    demoPoolId = seed.managedPools[0]!.id;
    provider = `cognito-idp.${h.emulator.region}.amazonaws.com/${demoPoolId}`;
  }, 60000);
  afterAll(async () => {
    identity.destroy();
    iam.destroy();
    await h.close();
  });

  /**
   * A demo user's ID token, signed in once per user: some demo users are enrolled in TOTP (the seed's
   * "Demo MFA"), so their sign-in answers SOFTWARE_TOKEN_MFA with a code from the documented secret — and a
   * code works only once, hence the cache.
   */
  const idTokens = new Map<string, Promise<string>>();
  const signIn = async (USERNAME: string): Promise<string> => {
    const ClientId = seed.federation.webClientId;
    const first = await h.client.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD: operatorPassword },
      }),
    );
    if (first.AuthenticationResult) return first.AuthenticationResult.IdToken!;
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const secret = DEMO_TOTP_USERS.find((u) => u.username === USERNAME)!.secret;
    const done = await h.client.send(
      new RespondToAuthChallengeCommand({
        ClientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: first.Session,
        ChallengeResponses: { USERNAME, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, now()) },
      }),
    );
    return done.AuthenticationResult!.IdToken!;
  };
  const idToken = (username: string): Promise<string> => {
    if (!idTokens.has(username)) idTokens.set(username, signIn(username));
    return idTokens.get(username)!;
  };

  /** The role STS reports for credentials of this identity pool (undefined user: a guest). */
  const assumedRole = async (IdentityPoolId: string, user?: string) => {
    const Logins = user ? { [provider]: await idToken(user) } : undefined;
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
    const { Credentials: c } = await identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins }),
    );
    const sts = sdk(STSClient, {
      accessKeyId: c!.AccessKeyId!,
      secretAccessKey: c!.SecretKey!,
      sessionToken: c!.SessionToken!,
    });
    try {
      return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
    } finally {
      sts.destroy();
    }
  };
  const assumed = (role: string) =>
    `arn:aws:sts::000000000000:assumed-role/${role}/CognitoIdentityCredentials`;

  it('puts a SAML and an OIDC provider on the demo pool, offered by the acme-web client', async () => {
    const providers = await h.client.send(
      new ListIdentityProvidersCommand({ UserPoolId: demoPoolId, MaxResults: 60 }),
    );
    expect(providers.Providers?.map((p) => [p.ProviderName, p.ProviderType])).toEqual([
      ['AcmeOidc', 'OIDC'],
      ['AcmeSaml', 'SAML'],
    ]);
    const client = await h.client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: demoPoolId, ClientId: seed.federation.webClientId }),
    );
    expect(client.UserPoolClient?.SupportedIdentityProviders).toEqual(['COGNITO', 'AcmeSaml', 'AcmeOidc']);
  });

  it('seeds IAM roles, all but the legacy one trusting the demo identity pools', async () => {
    const roles = await iam.send(new ListRolesCommand({}));
    expect(roles.Roles?.map((r) => r.RoleName).sort()).toEqual(Object.values(DEMO_ROLES).sort());
    const customers = pool('Acme Customers identity');
    const trusts = async (name: string, amr: string[]) => {
      const doc = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!.AssumeRolePolicyDocument!;
      return trustsCognitoIdentity(decodeURIComponent(doc), { aud: customers, amr, sub: 'x' });
    };
    expect(await trusts(DEMO_ROLES.authenticated, ['authenticated'])).toBe(true);
    expect(await trusts(DEMO_ROLES.guest, ['unauthenticated'])).toBe(true);
    expect(await trusts(DEMO_ROLES.guest, ['authenticated'])).toBe(false);
    expect(await trusts(DEMO_ROLES.legacyUntrusted, ['authenticated'])).toBe(false);
  });

  it('gives the customers pool: enterprise plan → acme-enterprise, others → the authenticated role, guests → guest', async () => {
    const customers = pool('Acme Customers identity');
    expect(await assumedRole(customers, 'sam.lee')).toBe(assumed(DEMO_ROLES.enterprise));
    expect(await assumedRole(customers, 'siobhan.obrien')).toBe(assumed(DEMO_ROLES.authenticated));
    expect(await assumedRole(customers)).toBe(assumed(DEMO_ROLES.guest));
  });

  it("gives the partners pool the Token mapping's answer for the ID token as issued", async () => {
    const partners = pool('Acme Partners identity');
    const roles = await identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: partners }));
    const mapping = roles.RoleMappings?.[`${provider}:${seed.federation.webClientId}`] as RoleMapping;
    expect(mapping).toEqual({ Type: 'Token', AmbiguousRoleResolution: 'Deny' });
    await expectAwsError(
      identity.send(new GetIdCommand({ IdentityPoolId: partners })),
      'NotAuthorizedException',
    );
    for (const user of ['sam.lee', 'siobhan.obrien']) {
      const prediction = evaluateRoleMapping({
        mapping,
        claims: decodeJwt(await idToken(user)).payload,
        roles: { authenticated: demoRoleArn(DEMO_ROLES.authenticated) },
      });
      if (prediction.roleArn)
        expect(await assumedRole(partners, user)).toBe(assumed(roleNameOfArn(prediction.roleArn)!));
      else
        await expectAwsError(assumedRole(partners, user), 'NotAuthorizedException', /ambiguous role mapping/);
    }
  });

  it('is idempotent and keeps local edits to the role mappings', async () => {
    const customers = pool('Acme Customers identity');
    await identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: customers,
        Roles: { authenticated: demoRoleArn(DEMO_ROLES.authenticated) },
      }),
    );
    const again = await seedLocalCognito(h.emulator.endpoint, h.emulator.region, { demoUsers: 4 });
    expect(again.federation).toEqual(seed.federation);
    const roles = await identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: customers }));
    expect(roles.RoleMappings).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Role, awsJsonCall, roleNameOfArn } from '@poolkeeper/contract';
import { type LocalApi, startLocalApi } from '../test-support/local-api';

const ACCOUNT_ROLE = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
const PW = 'Str0ng!Passw0rd';
const IDENTITY = 'AWSCognitoIdentityService';

/**
 * Identity providers, identity pools, IAM roles and "which role" over HTTP: the real local Cognito, IAM and
 * STS, a real embedded Postgres, the real gateway; nothing of ours faked.
 */
describe('federation API against the local Cognito and Postgres', () => {
  let local: LocalApi;
  let pool: string;
  let customers: string;
  let partners: string;
  let webClient: string;
  let mappingKey: string;
  const readers: Role[] = ['admin', 'support', 'auditor'];

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 5 });
    pool = local.pool;
    const fed = local.seed.federation;
    webClient = fed.webClientId;
    customers = fed.identityPools.find((p) => p.name === 'Acme Customers identity')!.id;
    partners = fed.identityPools.find((p) => p.name === 'Acme Partners identity')!.id;
    mappingKey = `cognito-idp.${local.emulator.region}.amazonaws.com/${pool}:${webClient}`;
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    local.call(role, method, path, body);
  const idps = () => `/api/pools/${pool}/identity-providers`;
  const audit = async () => {
    const res = await call('auditor', 'GET', '/api/audit-events?limit=200');
    expect(res.status).toBe(200);
    return res.body!.items as Array<Record<string, unknown>>;
  };

  describe('identity providers', () => {
    it('every role reads the list and the SAML metadata parsed; the OIDC secret is never returned', async () => {
      for (const role of readers) {
        const list = await call(role, 'GET', idps());
        expect(list.status).toBe(200);
        expect(list.body!.items.map((p: { name: string }) => p.name).sort()).toEqual([
          'AcmeOidc',
          'AcmeSaml',
        ]);
      }
      const saml = await call('support', 'GET', `${idps()}/AcmeSaml`);
      expect(saml.body).toMatchObject({
        type: 'SAML',
        samlMetadata: {
          entityId: 'https://idp.acme.example/saml/metadata',
          certificates: [
            { subject: 'CN=idp.acme.example', notAfter: '2036-11-29T14:07:46.000Z', expired: false },
          ],
        },
        clients: [{ clientId: webClient, name: 'acme-web' }],
      });
      const oidc = await call('auditor', 'GET', `${idps()}/AcmeOidc`);
      expect(oidc.body!.secretsSet).toEqual(['client_secret']);
      expect(oidc.text).not.toContain('acme-portal-local-secret');
      expect(oidc.body!.details).toMatchObject({
        client_id: 'acme-portal',
        oidc_issuer: 'https://login.acme-partners.example',
      });
    });

    it('support and auditor cannot create, edit or delete (403, nothing changed)', async () => {
      for (const role of ['support', 'auditor'] as const) {
        const body = {
          name: 'Nope',
          type: 'OIDC',
          details: {
            client_id: 'x',
            client_secret: 's',
            oidc_issuer: 'https://x.example',
            authorize_scopes: 'openid',
            attributes_request_method: 'GET',
          },
        };
        expect((await call(role, 'POST', idps(), body)).status).toBe(403);
        expect(
          (await call(role, 'PATCH', `${idps()}/AcmeOidc`, { attributeMapping: { email: 'mail' } })).status,
        ).toBe(403);
        expect((await call(role, 'DELETE', `${idps()}/AcmeOidc`)).status).toBe(403);
        expect(
          (
            await call(role, 'PUT', `/api/pools/${pool}/clients/${webClient}/identity-providers`, {
              providers: ['COGNITO'],
            })
          ).status,
        ).toBe(403);
      }
      expect((await call('admin', 'GET', `${idps()}/AcmeOidc`)).body!.attributeMapping).not.toHaveProperty(
        'email',
        'mail',
      );
    });

    it('admin creates an OIDC provider: secret write-only, not in the audit log; edits mappings; assigns it to a client; deletes it', async () => {
      const secret = 'very-secret-value-123';
      const created = await call('admin', 'POST', idps(), {
        name: 'PartnerOidc',
        type: 'OIDC',
        details: {
          client_id: 'partner-app',
          client_secret: secret,
          oidc_issuer: 'https://partner.example',
          authorize_scopes: 'openid email',
          attributes_request_method: 'GET',
        },
        attributeMapping: { email: 'email' },
        reason: 'onboarding partner',
      });
      expect(created.status).toBe(201);
      expect(created.text).not.toContain(secret);
      expect(created.body).toMatchObject({ name: 'PartnerOidc', secretsSet: ['client_secret'] });
      expect(
        (
          await call('admin', 'POST', idps(), {
            name: 'PartnerOidc',
            type: 'OIDC',
            details: {
              client_id: 'partner-app',
              client_secret: 'other',
              oidc_issuer: 'https://partner.example',
              authorize_scopes: 'openid',
              attributes_request_method: 'GET',
            },
          })
        ).body,
      ).toMatchObject({ code: 'IDP_EXISTS' });

      const edited = await call('admin', 'PATCH', `${idps()}/PartnerOidc`, {
        attributeMapping: { email: 'email', given_name: 'first_name' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body!.attributeMapping).toEqual({ email: 'email', given_name: 'first_name' });

      const clientPath = `/api/pools/${pool}/clients/${webClient}/identity-providers`;
      const before = (await call('support', 'GET', clientPath)).body!.providers as string[];
      const put = await call('admin', 'PUT', clientPath, { providers: [...before, 'PartnerOidc'] });
      expect(put.body!.providers).toContain('PartnerOidc');
      expect((await call('auditor', 'GET', `${idps()}/PartnerOidc`)).body!.clients).toEqual([
        { clientId: webClient, name: 'acme-web' },
      ]);
      await call('admin', 'PUT', clientPath, { providers: before });

      expect((await call('admin', 'DELETE', `${idps()}/PartnerOidc`)).status).toBe(204);
      expect((await call('admin', 'GET', `${idps()}/PartnerOidc`)).body).toMatchObject({
        code: 'IDP_NOT_FOUND',
      });

      const events = await audit();
      const text = JSON.stringify(events);
      expect(text).not.toContain(secret);
      const create = events.find(
        (e) => e.action === 'identity-provider.create' && e.outcome === 'succeeded',
      )!;
      expect(create).toMatchObject({
        poolId: pool,
        reason: 'onboarding partner',
        targets: [{ type: 'identity-provider', id: 'PartnerOidc' }],
      });
      const update = events.find(
        (e) => e.action === 'identity-provider.update' && e.outcome === 'attempted',
      )!;
      expect(update.request).toMatchObject({
        before: { attributeMapping: { email: 'email' } },
        after: { attributeMapping: { email: 'email', given_name: 'first_name' } },
      });
      expect(events.some((e) => e.action === 'identity-provider.delete' && e.outcome === 'succeeded')).toBe(
        true,
      );
      expect(
        events.some(
          (e) => e.action === 'user-pool-client.set-identity-providers' && e.outcome === 'succeeded',
        ),
      ).toBe(true);
    });

    it('bad input is a 400 with the field; an unmanaged pool is 404', async () => {
      const bad = await call('admin', 'POST', idps(), { name: 'x_y z', type: 'Nope', details: {} });
      expect(bad.status).toBe(400);
      expect(bad.body!.code).toBe('VALIDATION_FAILED');
      expect(
        (await call('admin', 'GET', '/api/pools/us-east-1_NotMine1/identity-providers')).body,
      ).toMatchObject({ code: 'POOL_NOT_FOUND' });
    });
  });

  describe('identity pools and IAM roles', () => {
    it('every role lists and reads the demo identity pools', async () => {
      for (const role of readers) {
        const list = await call(role, 'GET', '/api/identity-pools');
        expect(list.status).toBe(200);
        expect(list.body!.items.map((p: { name: string }) => p.name)).toEqual([
          'Acme Customers identity',
          'Acme Partners identity',
        ]);
        const one = await call(role, 'GET', `/api/identity-pools/${customers}`);
        expect(one.body).toMatchObject({
          allowUnauthenticated: true,
          userPoolProviders: [{ clientId: webClient, managed: true, mappingKey }],
        });
      }
      const paged = await call('support', 'GET', '/api/identity-pools?limit=1');
      expect(paged.body!.items).toHaveLength(1);
      const next = await call(
        'support',
        'GET',
        `/api/identity-pools?limit=1&cursor=${paged.body!.nextCursor}`,
      );
      expect(next.body).toMatchObject({ items: [{ id: partners }], nextCursor: null });
    });

    it('scope: an identity pool that federates no managed user pool is not found, for reads and writes', async () => {
      const res = await awsIdentity(local, 'CreateIdentityPool', {
        IdentityPoolName: 'Someone else',
        AllowUnauthenticatedIdentities: true,
      });
      const other = res.body.IdentityPoolId as string;
      expect(other).toBeTruthy();
      expect((await call('admin', 'GET', `/api/identity-pools/${other}`)).body).toMatchObject({
        code: 'IDENTITY_POOL_NOT_FOUND',
      });
      expect(
        (await call('admin', 'PATCH', `/api/identity-pools/${other}`, { allowUnauthenticated: false }))
          .status,
      ).toBe(404);
      expect(
        (await call('admin', 'GET', '/api/identity-pools')).body!.items.map((p: { id: string }) => p.id),
      ).not.toContain(other);
      expect(
        (await awsIdentity(local, 'DescribeIdentityPool', { IdentityPoolId: other })).body
          .AllowUnauthenticatedIdentities,
      ).toBe(true);
    });

    it('roles with warnings: the seeded rule on custom:plan is user-writable; support reads, cannot write', async () => {
      const roles = await call('support', 'GET', `/api/identity-pools/${customers}/roles`);
      expect(roles.status).toBe(200);
      expect(roles.body!.roles).toEqual({
        authenticated: ACCOUNT_ROLE('acme-customers-authenticated'),
        unauthenticated: ACCOUNT_ROLE('acme-customers-guest'),
      });
      expect(roles.body!.roleMappings[mappingKey].Type).toBe('Rules');
      expect(
        roles.body!.warnings.map((w: { kind: string; field: string }) => `${w.kind} ${w.field}`),
      ).toEqual([`user_writable_claim roleMappings.${mappingKey}.rules.0`]);
      for (const role of ['support', 'auditor'] as const) {
        expect(
          (await call(role, 'PUT', `/api/identity-pools/${customers}/roles`, { roles: {}, roleMappings: {} }))
            .status,
        ).toBe(403);
        expect(
          (await call(role, 'PATCH', `/api/identity-pools/${customers}`, { allowClassicFlow: true })).status,
        ).toBe(403);
      }
    });

    it('a role without the right trust policy shows the warning with the fix; SetIdentityPoolRoles rules are checked', async () => {
      const path = `/api/identity-pools/${partners}/roles`;
      const before = (await call('admin', 'GET', path)).body!;
      const put = await call('admin', 'PUT', path, {
        roles: { authenticated: ACCOUNT_ROLE('acme-legacy-untrusted') },
        roleMappings: before.roleMappings,
        reason: 'try legacy',
      });
      expect(put.status).toBe(200);
      const warning = put.body!.warnings.find((w: { kind: string }) => w.kind === 'role_not_trusted');
      expect(warning).toMatchObject({
        field: 'roles.authenticated',
        roleArn: ACCOUNT_ROLE('acme-legacy-untrusted'),
      });
      expect(
        warning.fixPolicy.Statement[0].Condition.StringEquals['cognito-identity.amazonaws.com:aud'],
      ).toBe(partners);
      const events = await audit();
      expect(
        events.find((e) => e.action === 'identity-pool.set-roles' && e.outcome === 'attempted')!.request,
      ).toMatchObject({
        before: { roles: before.roles },
        after: { roles: { authenticated: ACCOUNT_ROLE('acme-legacy-untrusted') } },
      });
      // Rules without AmbiguousRoleResolution, 26 rules, a bad ARN, an unknown provider: 400, nothing changed.
      const rule = {
        Claim: 'email',
        MatchType: 'Equals',
        Value: 'x',
        RoleARN: ACCOUNT_ROLE('acme-enterprise'),
      };
      for (const bad of [
        { [mappingKey]: { Type: 'Rules', RulesConfiguration: { Rules: [rule] } } },
        {
          [mappingKey]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: { Rules: Array(26).fill(rule) },
          },
        },
        {
          [mappingKey]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: { Rules: [{ ...rule, RoleARN: 'not-an-arn-at-all-really' }] },
          },
        },
        {
          [mappingKey]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: { Rules: [{ ...rule, MatchType: 'Regex' }] },
          },
        },
        {
          'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other:abc': {
            Type: 'Token',
            AmbiguousRoleResolution: 'Deny',
          },
        },
      ]) {
        const res = await call('admin', 'PUT', path, { roles: before.roles, roleMappings: bad });
        expect({ status: res.status, code: res.body!.code }).toEqual({
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      expect(
        (await call('admin', 'PUT', path, { roles: before.roles, roleMappings: before.roleMappings })).status,
      ).toBe(200);
    });

    it('IAM roles: searchable, each with the trust check for an identity pool', async () => {
      for (const role of readers) {
        const res = await call(
          role,
          'GET',
          `/api/iam/roles?search=ACME-&identityPoolId=${encodeURIComponent(customers)}`,
        );
        expect(res.status).toBe(200);
        const byName = Object.fromEntries(
          res.body!.items.map((r: { name: string; trust: unknown }) => [r.name, r.trust]),
        );
        expect(byName).toMatchObject({
          'acme-customers-authenticated': { authenticated: true, unauthenticated: false },
          'acme-customers-guest': { authenticated: false, unauthenticated: true },
          'acme-legacy-untrusted': { authenticated: false, unauthenticated: false },
        });
      }
      const one = await call('auditor', 'GET', '/api/iam/roles?search=guest');
      expect(one.body!.items.map((r: { name: string }) => r.name)).toEqual(['acme-customers-guest']);
      expect(one.body!.items[0].trust).toBeNull();
    });
  });

  describe('which role would I get? agrees with what the local identity pool issues', () => {
    async function makeUser(username: string, plan: string) {
      await local.cognito('AdminCreateUser', {
        UserPoolId: pool,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: `${username}@example.com` },
          { Name: 'custom:plan', Value: plan },
        ],
      });
      await local.cognito('AdminSetUserPassword', {
        UserPoolId: pool,
        Username: username,
        Password: PW,
        Permanent: true,
      });
      const auth = await local.cognito('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: webClient,
        AuthParameters: { USERNAME: username, PASSWORD: PW },
      });
      return auth.body.AuthenticationResult.IdToken as string;
    }
    const claimsOf = (jwt: string) =>
      JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

    /** GetId + GetCredentialsForIdentity, then STS GetCallerIdentity with those credentials: the role's name. */
    async function issuedRole(identityPoolId: string, idToken: string): Promise<string | null> {
      const Logins = { [mappingKey.slice(0, mappingKey.lastIndexOf(':'))]: idToken };
      const id = await awsIdentity(local, 'GetId', { IdentityPoolId: identityPoolId, Logins });
      const creds = await awsIdentity(local, 'GetCredentialsForIdentity', {
        IdentityId: id.body.IdentityId,
        Logins,
      });
      if (creds.status !== 200) return null;
      const c = creds.body.Credentials as { AccessKeyId: string; SessionToken: string };
      const res = await fetch(local.emulator.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `AWS4-HMAC-SHA256 Credential=${c.AccessKeyId}/20261202/${local.emulator.region}/sts/aws4_request, SignedHeaders=host, Signature=0`,
          'x-amz-security-token': c.SessionToken,
        },
        body: 'Action=GetCallerIdentity&Version=2011-06-15',
      });
      const arn = /<Arn>([^<]+)<\/Arn>/.exec(await res.text())?.[1] ?? '';
      return /assumed-role\/([^/]+)\//.exec(arn)?.[1] ?? null;
    }

    async function whichRole(identityPoolId: string, query: string) {
      const res = await call('auditor', 'GET', `/api/identity-pools/${identityPoolId}/which-role?${query}`);
      expect(res.status).toBe(200);
      return res.body!;
    }

    it('a Rules match (custom:plan enterprise), a no-match (default role), by claims and by user', async () => {
      const enterprise = await makeUser('fed-enterprise', 'enterprise');
      const basic = await makeUser('fed-basic', 'basic');
      for (const [token, username, expected] of [
        [enterprise, 'fed-enterprise', 'acme-enterprise'],
        [basic, 'fed-basic', 'acme-customers-authenticated'],
      ] as const) {
        const issued = await issuedRole(customers, token);
        expect(issued).toBe(expected);
        const byClaims = await whichRole(
          customers,
          `claims=${encodeURIComponent(JSON.stringify(claimsOf(token)))}`,
        );
        expect(roleNameOfArn(byClaims.roleArn)).toBe(issued);
        const byUser = await whichRole(customers, `userPoolId=${pool}&username=${username}`);
        expect(roleNameOfArn(byUser.roleArn)).toBe(issued);
        expect(byUser.claims['custom:plan']).toBe(username === 'fed-enterprise' ? 'enterprise' : 'basic');
      }
      const miss = await whichRole(customers, `userPoolId=${pool}&username=fed-basic`);
      expect(miss).toMatchObject({ source: 'authenticated_role', ruleIndex: null });
      expect(miss.rules.map((r: { status: string }) => r.status)).toEqual(['not_matched', 'claim_missing']);
      const hit = await whichRole(customers, `userPoolId=${pool}&username=fed-enterprise`);
      expect(hit).toMatchObject({ source: 'rule', ruleIndex: 0 });
    });

    it('a Token mapping: no group role, Deny — no credentials, and the answer says deny', async () => {
      const token = await makeUser('fed-partner', 'basic');
      expect(await issuedRole(partners, token)).toBeNull();
      const answer = await whichRole(
        partners,
        `claims=${encodeURIComponent(JSON.stringify(claimsOf(token)))}`,
      );
      expect(answer).toMatchObject({ roleArn: null, source: 'deny' });
    });

    it('a Token mapping with a group role: the preferred role is issued and predicted', async () => {
      await local.cognito('CreateGroup', {
        UserPoolId: pool,
        GroupName: 'fed-enterprise-admins',
        RoleArn: ACCOUNT_ROLE('acme-enterprise'),
        Precedence: 1,
      });
      await makeUser('fed-grouped', 'basic');
      await local.cognito('AdminAddUserToGroup', {
        UserPoolId: pool,
        Username: 'fed-grouped',
        GroupName: 'fed-enterprise-admins',
      });
      const auth = await local.cognito('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: webClient,
        AuthParameters: { USERNAME: 'fed-grouped', PASSWORD: PW },
      });
      const token = auth.body.AuthenticationResult.IdToken as string;
      const issued = await issuedRole(partners, token);
      expect(issued).toBe('acme-enterprise');
      const answer = await whichRole(
        partners,
        `claims=${encodeURIComponent(JSON.stringify(claimsOf(token)))}`,
      );
      expect(answer).toMatchObject({ source: 'preferred_role', roleArn: ACCOUNT_ROLE('acme-enterprise') });
    });

    it('which-role refuses both or neither of claims and user, and a user of another pool', async () => {
      expect((await call('admin', 'GET', `/api/identity-pools/${customers}/which-role`)).status).toBe(400);
      expect(
        (
          await call(
            'admin',
            'GET',
            `/api/identity-pools/${customers}/which-role?claims=%7B%7D&userPoolId=${pool}&username=x`,
          )
        ).status,
      ).toBe(400);
      expect(
        (await call('admin', 'GET', `/api/identity-pools/${customers}/which-role?claims=nope`)).status,
      ).toBe(400);
      expect(
        (
          await call(
            'admin',
            'GET',
            `/api/identity-pools/${customers}/which-role?userPoolId=us-east-1_Other1&username=x`,
          )
        ).body,
      ).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
});

function awsIdentity(local: LocalApi, operation: string, input: Record<string, unknown>) {
  return awsJsonCall(local.emulator.endpoint, operation, input, { targetPrefix: IDENTITY });
}

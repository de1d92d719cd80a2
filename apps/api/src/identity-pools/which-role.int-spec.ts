import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Role, roleNameOfArn } from '@poolkeeper/contract';
import type { LocalApi } from '../test-support/local-api';
import { ACCOUNT_ROLE, awsIdentity, startFederationApi } from '../test-support/federation-api';

const PW = 'Str0ng!Passw0rd';

/**
 * "Which role would I get?" (GET /identity-pools/:id/which-role) agrees with what the local identity pool
 * really issues: GetId + GetCredentialsForIdentity, then STS GetCallerIdentity with those credentials.
 */
describe('which role API against the local Cognito, IAM and STS', () => {
  let local: LocalApi;
  let pool: string;
  let customers: string;
  let partners: string;
  let webClient: string;
  let mappingKey: string;

  beforeAll(async () => {
    ({ local, pool, customers, partners, webClient, mappingKey } = await startFederationApi());
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    local.call(role, method, path, body);

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

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@poolkeeper/contract';
import type { LocalApi } from '../test-support/local-api';
import {
  ACCOUNT_ROLE,
  auditEvents,
  awsIdentity,
  readers,
  startFederationApi,
} from '../test-support/federation-api';

/**
 * Identity pools, their roles and role mappings, and IAM roles over HTTP, per route and role: the real local
 * Cognito and IAM, a real embedded Postgres, the real gateway; nothing of ours faked.
 */
describe('identity pools API against the local Cognito and Postgres', () => {
  let local: LocalApi;
  let customers: string;
  let partners: string;
  let webClient: string;
  let mappingKey: string;

  beforeAll(async () => {
    ({ local, customers, partners, webClient, mappingKey } = await startFederationApi());
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    local.call(role, method, path, body);
  const audit = () => auditEvents(local);

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
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RoleMapping } from '@poolkeeper/contract';
import { failureOf, startLocalStack, type LocalStack } from './test-support/local-stack';

/**
 * The federation ports (identity providers, identity pools, IAM) against the local Cognito, seeded with the
 * demo pool's SAML and OIDC providers, its identity pools and IAM roles.
 */
let stack: LocalStack;
let demoPool: string;

beforeAll(async () => {
  stack = await startLocalStack(4);
  demoPool = stack.managedPoolIds[0]!;
});
afterAll(async () => {
  await stack?.stop();
});

describe('identity providers port', () => {
  it('reads providers without their secrets', async () => {
    const list = await stack.gateway.identityProviders.listIdentityProviders(demoPool);
    expect(list.map((p) => [p.name, p.type])).toEqual([
      ['AcmeOidc', 'OIDC'],
      ['AcmeSaml', 'SAML'],
    ]);
    const oidc = await stack.gateway.identityProviders.describeIdentityProvider(demoPool, 'AcmeOidc');
    expect(oidc).toMatchObject({
      name: 'AcmeOidc',
      type: 'OIDC',
      secretsSet: ['client_secret'],
      details: { client_id: 'acme-portal', oidc_issuer: 'https://login.acme-partners.example' },
    });
    expect(JSON.stringify(oidc)).not.toContain('acme-portal-local-secret');
    expect(
      (await stack.gateway.identityProviders.getIdentityProviderByIdentifier(demoPool, 'acme.example')).name,
    ).toBe('AcmeSaml');
  });

  it('creates, updates and deletes a provider, answering with request ids and our error codes', async () => {
    const created = await stack.gateway.identityProviders.createIdentityProvider({
      poolId: demoPool,
      name: 'Google',
      type: 'Google',
      details: { client_id: 'g.apps', client_secret: 'shh', authorize_scopes: 'openid email' },
      attributeMapping: { email: 'email' },
    });
    expect(created.requestId).toEqual(expect.any(String));
    expect(created.value).toMatchObject({ name: 'Google', secretsSet: ['client_secret'] });
    const updated = await stack.gateway.identityProviders.updateIdentityProvider({
      poolId: demoPool,
      name: 'Google',
      attributeMapping: { email: 'email', name: 'name' },
    });
    expect(updated.value.attributeMapping).toEqual({ email: 'email', name: 'name' });
    const duplicate = await failureOf(() =>
      stack.gateway.identityProviders.createIdentityProvider({
        poolId: demoPool,
        name: 'Google',
        type: 'Google',
        details: { client_id: 'g', client_secret: 's', authorize_scopes: 'openid' },
      }),
    );
    expect(duplicate).toMatchObject({ code: 'IDP_EXISTS', awsErrorName: 'DuplicateProviderException' });
    await stack.gateway.identityProviders.deleteIdentityProvider(demoPool, 'Google');
    const gone = await failureOf(() =>
      stack.gateway.identityProviders.describeIdentityProvider(demoPool, 'Google'),
    );
    expect(gone.code).toBe('IDP_NOT_FOUND');
  });

  it("sets an app client's providers and keeps its other settings", async () => {
    const clients = await stack.gateway.userPoolClients.listUserPoolClients(demoPool);
    const web = clients.find((c) => c.name === 'acme-web')!;
    const before = await stack.gateway.userPoolClients.describeUserPoolClient(demoPool, web.clientId);
    const set = await stack.gateway.identityProviders.setClientIdentityProviders(demoPool, web.clientId, [
      'COGNITO',
      'AcmeSaml',
    ]);
    expect(set.value).toEqual(['COGNITO', 'AcmeSaml']);
    const after = await stack.gateway.userPoolClients.describeUserPoolClient(demoPool, web.clientId);
    expect(after).toEqual({ ...before, supportedIdentityProviders: ['COGNITO', 'AcmeSaml'] });
    const unknown = await failureOf(() =>
      stack.gateway.identityProviders.setClientIdentityProviders(demoPool, web.clientId, ['Nope']),
    );
    expect(unknown.code).toBe('INVALID_PARAMETER');
  });
});

describe('identity pools port', () => {
  const customers = async () =>
    (await stack.gateway.identityPools.listIdentityPools()).find((p) => p.name === 'Acme Customers identity')!
      .id;

  it('lists and describes the seeded pools', async () => {
    const pools = await stack.gateway.identityPools.listIdentityPools();
    expect(pools.map((p) => p.name).sort()).toEqual(['Acme Customers identity', 'Acme Partners identity']);
    const info = await stack.gateway.identityPools.describeIdentityPool(await customers());
    expect(info).toMatchObject({
      allowUnauthenticated: true,
      allowClassicFlow: false,
      userPoolProviders: [
        {
          providerName: `cognito-idp.${stack.region}.amazonaws.com/${demoPool}`,
          serverSideTokenCheck: false,
        },
      ],
    });
  });

  it('reads and replaces roles and role mappings, refusing what AWS refuses', async () => {
    const id = await customers();
    const current = await stack.gateway.identityPools.getIdentityPoolRoles(id);
    expect(current.roles).toEqual({
      authenticated: 'arn:aws:iam::000000000000:role/acme-customers-authenticated',
      unauthenticated: 'arn:aws:iam::000000000000:role/acme-customers-guest',
    });
    const [key, mapping] = Object.entries(current.roleMappings)[0]!;
    expect(mapping.RulesConfiguration?.Rules[0]).toMatchObject({ Claim: 'custom:plan', MatchType: 'Equals' });
    const reordered: RoleMapping = {
      ...mapping,
      RulesConfiguration: { Rules: [...mapping.RulesConfiguration!.Rules].reverse() },
    };
    const result = await stack.gateway.identityPools.setIdentityPoolRoles(id, current.roles, {
      [key]: reordered,
    });
    expect(result.requestId).toEqual(expect.any(String));
    expect((await stack.gateway.identityPools.getIdentityPoolRoles(id)).roleMappings[key]).toEqual(reordered);
    const refused = await failureOf(() =>
      stack.gateway.identityPools.setIdentityPoolRoles(id, current.roles, { [key]: { Type: 'Token' } }),
    );
    expect(refused).toMatchObject({ code: 'INVALID_PARAMETER', awsErrorName: 'InvalidParameterException' });
  });

  it('turns guest access off and keeps the rest of the pool', async () => {
    const id = await customers();
    const before = await stack.gateway.identityPools.describeIdentityPool(id);
    const out = await stack.gateway.identityPools.updateIdentityPool(id, { allowUnauthenticated: false });
    expect(out.value).toEqual({ ...before, allowUnauthenticated: false });
    const missing = await failureOf(() =>
      stack.gateway.identityPools.describeIdentityPool(
        `${stack.region}:00000000-0000-0000-0000-000000000000`,
      ),
    );
    expect(missing.code).toBe('IDENTITY_POOL_NOT_FOUND');
  });
});

describe('IAM port', () => {
  it('pages through roles with their trust policies decoded', async () => {
    const first = await stack.gateway.iam.listRoles({ maxItems: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextToken).toEqual(expect.any(String));
    const rest = await stack.gateway.iam.listRoles({ maxItems: 100, marker: first.nextToken! });
    expect(rest.nextToken).toBeNull();
    const names = [...first.items, ...rest.items].map((r) => r.name);
    expect(names).toEqual([
      'acme-customers-authenticated',
      'acme-customers-guest',
      'acme-enterprise',
      'acme-legacy-untrusted',
      'acme-support-readonly',
    ]);
    const legacy = await stack.gateway.iam.getRole('acme-legacy-untrusted');
    expect(legacy.trustPolicy).toMatchObject({
      Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }],
    });
    expect((await failureOf(() => stack.gateway.iam.getRole('nope'))).code).toBe('ROLE_NOT_FOUND');
  });
});

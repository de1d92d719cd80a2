import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Role } from '@poolkeeper/contract';
import { type LocalApi, startLocalApi } from '../test-support/local-api';

/**
 * What the console's identity-provider screens rely on, over HTTP against the local Cognito and Postgres:
 * the list with identifiers and app clients, the pool's app clients, per-type validation on the field, and
 * write-only secrets (never in a response or the audit log, also when replaced or for Apple's private key).
 */
describe('identity providers for the console', () => {
  let local: LocalApi;
  let webClient: string;
  const readers: Role[] = ['admin', 'support', 'auditor'];

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 2 });
    webClient = local.seed.federation.webClientId;
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  const idps = () => `/api/pools/${local.pool}/identity-providers`;
  const auditText = async () => {
    const res = await local.call('auditor', 'GET', '/api/audit-events?limit=200');
    expect(res.status).toBe(200);
    return JSON.stringify(res.body);
  };

  it('every role lists the providers with their identifiers and the app clients offering them', async () => {
    for (const role of readers) {
      const list = await local.call(role, 'GET', idps());
      expect(list.status).toBe(200);
      const saml = list.body!.items.find((p: { name: string }) => p.name === 'AcmeSaml');
      expect(saml).toMatchObject({
        type: 'SAML',
        idpIdentifiers: ['acme.example'],
        clients: [{ clientId: webClient, name: 'acme-web' }],
      });
    }
  });

  it('every role lists the app clients of the pool with the providers each offers; unmanaged pool is 404', async () => {
    for (const role of readers) {
      const res = await local.call(role, 'GET', `/api/pools/${local.pool}/clients`);
      expect(res.status).toBe(200);
      expect(res.body!.nextCursor).toBeNull();
      const web = res.body!.items.find((c: { clientId: string }) => c.clientId === webClient);
      expect(web).toEqual({
        clientId: webClient,
        name: 'acme-web',
        providers: expect.arrayContaining(['COGNITO', 'AcmeSaml', 'AcmeOidc']),
      });
    }
    expect((await local.call('admin', 'GET', '/api/pools/us-east-1_NotMine1/clients')).status).toBe(404);
  });

  it('create is checked per provider type before Cognito is asked: 400 on the detail field', async () => {
    const missing = await local.call('admin', 'POST', idps(), {
      name: 'NoIssuer',
      type: 'OIDC',
      details: { client_id: 'x', authorize_scopes: 'openid', attributes_request_method: 'PUT' },
    });
    expect(missing.status).toBe(400);
    const fields = (missing.body!.details as Array<{ field: string }>).map((d) => d.field).sort();
    expect(fields).toEqual(['details.attributes_request_method', 'details.oidc_issuer']);

    const saml = await local.call('admin', 'POST', idps(), { name: 'NoMeta', type: 'SAML', details: {} });
    expect(saml.status).toBe(400);
    expect(saml.body!.details).toEqual([
      { field: 'details.MetadataFile', message: 'Upload the metadata file or give its URL' },
    ]);

    const apple = await local.call('admin', 'POST', idps(), {
      name: 'NoKey',
      type: 'SignInWithApple',
      details: { client_id: 'com.acme', team_id: 'T', key_id: 'K', authorize_scopes: 'email' },
    });
    expect(apple.body!.details).toEqual([
      { field: 'name', message: 'must be SignInWithApple for this provider type' },
      { field: 'details.private_key', message: 'Private key is required' },
    ]);
    const list = await local.call('admin', 'GET', idps());
    const names = list.body!.items.map((p: { name: string }) => p.name);
    expect(names).not.toContain('NoIssuer');
    expect(names).not.toContain('NoMeta');
    expect(names).not.toContain('NoKey');
  });

  it('secrets are write-only: a replaced OIDC secret and an Apple private key never come back nor reach the audit log', async () => {
    const first = 'first-oidc-secret-4711';
    const second = 'second-oidc-secret-0815';
    const key = '-----BEGIN PRIVATE KEY-----apple-private-key-material-----END PRIVATE KEY-----';

    const created = await local.call('admin', 'POST', idps(), {
      name: 'SecretOidc',
      type: 'OIDC',
      details: {
        client_id: 'secret-app',
        client_secret: first,
        oidc_issuer: 'https://secret.example',
        authorize_scopes: 'openid',
        attributes_request_method: 'POST',
      },
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(first);

    const patched = await local.call('admin', 'PATCH', `${idps()}/SecretOidc`, {
      details: { client_secret: second },
      reason: 'rotate the secret',
    });
    expect(patched.status).toBe(200);
    expect(patched.text).not.toContain(second);
    expect(patched.body!.secretsSet).toEqual(['client_secret']);
    // Cognito holds the new secret (what the local Cognito answers to a direct call).
    const held = await local.cognito('DescribeIdentityProvider', {
      UserPoolId: local.pool,
      ProviderName: 'SecretOidc',
    });
    expect(held.body.IdentityProvider.ProviderDetails.client_secret).toBe(second);

    // An edit without the secret keeps it.
    await local.call('admin', 'PATCH', `${idps()}/SecretOidc`, { attributeMapping: { email: 'email' } });
    const kept = await local.cognito('DescribeIdentityProvider', {
      UserPoolId: local.pool,
      ProviderName: 'SecretOidc',
    });
    expect(kept.body.IdentityProvider.ProviderDetails.client_secret).toBe(second);

    const apple = await local.call('admin', 'POST', idps(), {
      name: 'SignInWithApple',
      type: 'SignInWithApple',
      details: {
        client_id: 'com.acme.web',
        team_id: 'TEAM123456',
        key_id: 'KEY1234567',
        private_key: key,
        authorize_scopes: 'email name',
      },
    });
    // Describe answers Apple's settings without the private key at all (API reference example), so Cognito
    // does not even name it among the secrets it holds.
    expect(apple.body).toMatchObject({ name: 'SignInWithApple', secretsSet: [] });
    expect(apple.status).toBe(201);
    expect(apple.text).not.toContain('apple-private-key-material');

    for (const role of readers) {
      const one = await local.call(role, 'GET', `${idps()}/SecretOidc`);
      expect(one.text).not.toContain(first);
      expect(one.text).not.toContain(second);
      expect((await local.call(role, 'GET', `${idps()}/SignInWithApple`)).text).not.toContain(
        'apple-private-key-material',
      );
      expect((await local.call(role, 'GET', idps())).text).not.toContain(second);
    }

    const audit = await auditText();
    expect(audit).toContain('SecretOidc');
    expect(audit).toContain('"secretsChanged":["client_secret"]');
    for (const secret of [first, second, 'apple-private-key-material']) expect(audit).not.toContain(secret);

    for (const name of ['SecretOidc', 'SignInWithApple'])
      expect((await local.call('admin', 'DELETE', `${idps()}/${name}`)).status).toBe(204);
  });
});

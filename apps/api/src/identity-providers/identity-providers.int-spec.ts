import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@poolkeeper/contract';
import type { LocalApi } from '../test-support/local-api';
import { auditEvents, readers, startFederationApi } from '../test-support/federation-api';

/**
 * Identity providers over HTTP, per route and role: the real local Cognito, a real embedded Postgres, the
 * real gateway; nothing of ours faked. (Split from the federation spec: identity pools and "which role"
 * have their own, apps/api/src/identity-pools/.)
 */
describe('identity providers API against the local Cognito and Postgres', () => {
  let local: LocalApi;
  let pool: string;
  let webClient: string;

  beforeAll(async () => {
    ({ local, pool, webClient } = await startFederationApi());
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    local.call(role, method, path, body);
  const idps = () => `/api/pools/${pool}/identity-providers`;
  const audit = () => auditEvents(local);

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
});

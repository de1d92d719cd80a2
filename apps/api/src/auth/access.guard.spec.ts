import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type TestApp, startTestApp } from '../test-support/test-app';

describe('operator access token verification', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = (token?: string) => t.call('GET', '/api/me', token ? { token } : {});

  async function expectUnauthenticated(token?: string) {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  }

  it('accepts a valid access token and builds the principal from cognito:groups', async () => {
    const res = await me(t.token(['support']));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sub: 'sub-support',
      username: 'op-support',
      kind: 'operator',
      roles: ['support'],
      permissions: [
        'pools.read',
        'users.read',
        'users.enable-disable',
        'users.reset-password',
        'users.sign-out',
        'users.resend-invitation',
        'groups.read',
        'users.reset-mfa',
        'identity-providers.read',
        'identity-pools.read',
        'iam-roles.read',
      ],
    });
  });

  it('ignores groups that are not role groups', async () => {
    const res = await me(t.token([], { 'cognito:groups': ['poolkeeper-admins', 'admin'] }));
    expect(await res.json()).toMatchObject({ roles: [], permissions: [] });
  });

  it('rejects a missing token with 401 UNAUTHENTICATED', () => expectUnauthenticated());
  it('rejects a malformed token', () => expectUnauthenticated('not.a.jwt'));
  it('rejects the wrong issuer', () =>
    expectUnauthenticated(
      t.tokens.sign(
        t.claims(['admin'], { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }),
      ),
    ));
  it('rejects an ID token (token_use)', () => expectUnauthenticated(t.token(['admin'], { token_use: 'id' })));
  it('rejects a client that is not allowed', () =>
    expectUnauthenticated(t.token(['admin'], { client_id: 'someotherclient' })));
  it('rejects an expired token', () =>
    expectUnauthenticated(t.token(['admin'], { exp: Math.floor(Date.now() / 1000) - 60 })));
  it('rejects HS256', () => expectUnauthenticated(t.tokens.sign(t.claims(['admin']), { alg: 'HS256' })));
  it('rejects alg none', () => expectUnauthenticated(t.tokens.sign(t.claims(['admin']), { alg: 'none' })));
  it('rejects a token signed by another key under the same kid', () =>
    expectUnauthenticated(t.tokens.sign(t.claims(['admin']), { key: t.tokens.otherKey })));
  it('rejects an unknown kid', () =>
    expectUnauthenticated(t.tokens.sign(t.claims(['admin']), { kid: 'rotated-away' })));

  it('maps machine client scopes to permissions', async () => {
    const claims = t.claims([], {
      scope: 'poolkeeper/users.read poolkeeper/pools.read other/x',
      sub: 'machineclient',
    });
    delete claims.username;
    const res = await me(t.tokens.sign(claims));
    expect(await res.json()).toEqual({
      sub: 'machineclient',
      username: 'consoleclient',
      kind: 'machine',
      roles: [],
      permissions: ['pools.read', 'users.read'],
    });
  });
});

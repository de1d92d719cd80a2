import { afterEach, describe, expect, it } from '@jest/globals';
import { GatewayError } from '@poolkeeper/cognito-gateway';
import { type TestApp, startTestApp } from '../test-support/test-app';

/** Revocation: stateless tokens, re-checked with the operator pool every OPERATOR_RECHECK_SECONDS. */
describe('a revoked operator loses access within the re-check interval', () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  const start = (seconds: number) =>
    startTestApp((c) => ({ ...c, cognito: { ...c.cognito, operatorRecheckSeconds: seconds } }));
  const me = async (token: string) => {
    const res = await t!.call('GET', '/api/me', { token });
    return { status: res.status, body: (await res.json()) as { code?: string; roles?: string[] } };
  };

  it('global sign-out (or RevokeToken): the next check answers 401', async () => {
    t = await start(0);
    const token = t.token(['admin']);
    expect((await me(token)).status).toBe(200);
    t.gateway.revokedTokens.add(token);
    expect(await me(token)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('within the interval the answer is cached; after it, the revocation shows', async () => {
    t = await start(1);
    const token = t.token(['support']);
    expect((await me(token)).status).toBe(200);
    const asked = t.gateway.operatorCalls.length;
    t.gateway.revokedTokens.add(token);
    expect((await me(token)).status).toBe(200);
    expect(t.gateway.operatorCalls.length).toBe(asked);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await me(token)).status).toBe(401);
  });

  it('a disabled or deleted operator is refused', async () => {
    t = await start(0);
    const token = t.token(['admin']);
    t.gateway.goneOperators.add('op-admin');
    expect((await me(token)).status).toBe(401);
  });

  it('roles come from the groups the operator is in now, not those in the token', async () => {
    t = await start(0);
    const token = t.token(['admin']);
    expect((await me(token)).body.roles).toEqual(['admin']);
    t.gateway.operatorGroups.set('op-admin', [t.config.cognito.roleGroups.auditor]);
    expect((await me(token)).body.roles).toEqual(['auditor']);
    const write = await t.call('POST', '/api/pools/us-east-1_Managed1/users/alice/disable', { token });
    expect(write.status).toBe(403);
  });

  it('when Cognito cannot be asked the answer is 503 with Retry-After, never 401 (which would sign the console out)', async () => {
    t = await start(0);
    const token = t.token(['admin']);
    type GetTokenOwner = typeof t.gateway.gateway.sessions.getTokenOwner;
    (t.gateway.gateway.sessions as { getTokenOwner: GetTokenOwner }).getTokenOwner = async () => {
      throw new GatewayError('COGNITO_UNAVAILABLE', 'Cognito could not be reached.', null, null);
    };
    const res = await t.call('GET', '/api/me', { token });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await res.json()) as { code: string }).code).toBe('COGNITO_UNAVAILABLE');
  });

  it('machine clients are not looked up (no user to ask): bounded by their token lifetime', async () => {
    t = await start(0);
    const claims = t.claims([], { scope: 'poolkeeper/pools.read', sub: 'machineclient' });
    delete claims.username;
    expect((await me(t.tokens.sign(claims))).status).toBe(200);
    expect(t.gateway.operatorCalls).toEqual([]);
  });

  it.each(['exp', 'iat', 'sub'])('a token without %s is refused', async (claim) => {
    t = await start(30);
    const claims = t.claims(['admin']);
    delete claims[claim];
    expect((await me(t.tokens.sign(claims))).status).toBe(401);
  });
});

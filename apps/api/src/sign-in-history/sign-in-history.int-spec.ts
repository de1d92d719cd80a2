import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_APP_CLIENT_NAME } from '@poolkeeper/cognito-emulator';
import { signInHistorySchema } from '@poolkeeper/contract';
import { type LocalApi, type Role, startLocalApi } from '../test-support/local-api';

const PW = 'History!2026x';
const READERS: Role[] = ['admin', 'support', 'auditor'];

/**
 * Real local Cognito + real embedded Postgres + the API over HTTP. Sign-ins go to the local Cognito on its wire
 * protocol (awsJson1_1, as the SDK sends them; the API's specs may not import the SDK), then the API reads them back.
 */
describe('sign-in history API against the local Cognito', () => {
  let local: LocalApi;
  let acme: string;
  let globex: string;
  let appClient: string;
  const history = (pool: string, user: string, query = '') =>
    `/api/pools/${pool}/users/${encodeURIComponent(user)}/sign-in-history${query}`;

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 5 });
    acme = local.pool;
    globex = local.seed.managedPools.find((p) => p.name === 'Globex Partners')!.id;
    const clients = await local.cognito('ListUserPoolClients', { UserPoolId: acme, MaxResults: 60 });
    appClient = clients.body.UserPoolClients.find(
      (c: { ClientName: string }) => c.ClientName === DEMO_APP_CLIENT_NAME,
    ).ClientId;
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  async function makeUser(pool: string, username: string) {
    const created = await local.cognito('AdminCreateUser', {
      UserPoolId: pool,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    });
    expect(created.status).toBe(200);
    await local.cognito('AdminSetUserPassword', {
      UserPoolId: pool,
      Username: username,
      Password: PW,
      Permanent: true,
    });
  }

  const signIn = (username: string, password: string, ip: string, agent: string) =>
    local.cognito('AdminInitiateAuth', {
      UserPoolId: acme,
      ClientId: appClient,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
      ContextData: {
        IpAddress: ip,
        ServerName: 'shop.example',
        ServerPath: '/login',
        HttpHeaders: [{ headerName: 'User-Agent', headerValue: agent }],
      },
    });

  it('every reading role sees fresh sign-ins newest first, paged with an opaque cursor', async () => {
    const user = `history-${Date.now()}`;
    await makeUser(acme, user);
    expect((await signIn(user, PW, '198.51.100.1', 'First/1.0')).status).toBe(200);
    expect((await signIn(user, `${PW}-typo`, '198.51.100.2', 'Second/2.0')).status).toBe(400);
    expect((await signIn(user, PW, '198.51.100.3', 'Third/3.0')).status).toBe(200);

    for (const role of READERS) {
      const first = await local.call(role, 'GET', history(acme, user, '?limit=2'));
      expect(first.status).toBe(200);
      expect(signInHistorySchema.safeParse(first.body).success).toBe(true);
      expect(first.body).toMatchObject({ available: true });
      expect(first.body!.items).toHaveLength(2);
      expect(first.body!.items[0]).toMatchObject({
        eventType: 'SignIn',
        result: 'Pass',
        ipAddress: '198.51.100.3',
        deviceName: 'Third/3.0',
        risk: { level: expect.any(String), decision: expect.any(String) },
        challenges: [{ name: 'Password', response: 'Success' }],
      });
      expect(first.body!.items[1]).toMatchObject({
        result: 'Fail',
        ipAddress: '198.51.100.2',
        challenges: [{ name: 'Password', response: 'Failure' }],
      });
      const times = first.body!.items.map((e: { time: string }) => Date.parse(e.time));
      expect(times[0]).toBeGreaterThanOrEqual(times[1]);
      expect(Date.now() - times[0]).toBeLessThan(120_000);

      const cursor = first.body!.nextCursor as string;
      expect(typeof cursor).toBe('string');
      const second = await local.call(
        role,
        'GET',
        history(acme, user, `?limit=2&cursor=${encodeURIComponent(cursor)}`),
      );
      expect(second.status).toBe(200);
      expect(second.body!.items).toHaveLength(1);
      expect(second.body!.items[0]).toMatchObject({ result: 'Pass', ipAddress: '198.51.100.1' });
      expect(second.body!.nextCursor).toBeNull();
      const ids = [...first.body!.items, ...second.body!.items].map((e: { eventId: string }) => e.eventId);
      expect(new Set(ids).size).toBe(3);
    }
  });

  it("refuses a cursor of another user's history, and a made-up one, as bad input on the field cursor", async () => {
    const [a, b] = [`history-a-${Date.now()}`, `history-b-${Date.now()}`];
    for (const u of [a, b]) {
      await makeUser(acme, u);
      await signIn(u, PW, '192.0.2.1', 'Agent/1');
      await signIn(u, PW, '192.0.2.1', 'Agent/1');
    }
    const page = await local.call('support', 'GET', history(acme, a, '?limit=1'));
    const cursor = encodeURIComponent(page.body!.nextCursor as string);
    for (const bad of [cursor, 'not-a-cursor']) {
      expect(await local.call('support', 'GET', history(acme, b, `?cursor=${bad}`))).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', details: [{ field: 'cursor' }] },
      });
    }
    expect(await local.call('support', 'GET', history(acme, a, '?limit=61'))).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
  });

  it('a user with no sign-ins has an empty history; an unknown user is 404', async () => {
    const user = `history-none-${Date.now()}`;
    await makeUser(acme, user);
    expect(await local.call('auditor', 'GET', history(acme, user))).toMatchObject({
      status: 200,
      body: { available: true, items: [], nextCursor: null },
    });
    expect(await local.call('auditor', 'GET', history(acme, 'nobody-at-all'))).toMatchObject({
      status: 404,
      body: { code: 'USER_NOT_FOUND' },
    });
  });

  it('the Essentials pool answers available:false with the tier as the reason, for every reading role', async () => {
    const user = `history-globex-${Date.now()}`;
    await makeUser(globex, user);
    for (const role of READERS) {
      const res = await local.call(role, 'GET', history(globex, user));
      expect(res).toMatchObject({
        status: 200,
        body: { available: false, reason: 'tier', tier: 'ESSENTIALS' },
      });
      expect(signInHistorySchema.safeParse(res.body).success).toBe(true);
      expect(res.body!.message).toMatch(/Plus plan/);
      expect(res.body!.message).toMatch(/Essentials/);
    }
  });

  it('is refused without a token', async () => {
    expect((await local.call(null, 'GET', history(acme, 'anyone'))).status).toBe(401);
  });
});

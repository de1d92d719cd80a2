import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type LocalApi, type Role, cognitoUser, startLocalApi } from '../test-support/local-api';

/** The support desk over HTTP: real local Cognito, real Postgres, real gateway; each route × role. */
describe('support desk routes against the local Cognito and Postgres', () => {
  let local: LocalApi;
  let pool: string;
  let clientId: string;
  const run = `${Date.now().toString(36)}`;
  const users = () => `/api/pools/${pool}/users`;
  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    local.call(role, method, path, body);

  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 5 });
    pool = local.pool;
    const client = await local.cognito('CreateUserPoolClient', {
      UserPoolId: pool,
      ClientName: `support-desk-${run}`,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    clientId = client.body.UserPoolClient.ClientId as string;
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  const signIn = (username: string, password: string) =>
    local.cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    });

  /** An invited user (FORCE_CHANGE_PASSWORD) and the temporary password the API generated for them. */
  async function invite(name: string, attributes: Record<string, string> = {}) {
    const res = await call('admin', 'POST', users(), {
      username: name,
      attributes: { email: `${name}@example.com`, ...attributes },
      reason: 'new colleague',
    });
    expect(res.status).toBe(201);
    return res.body!.invitation.temporaryPassword as string;
  }

  /** A self-registered user who never confirmed (UNCONFIRMED). */
  async function signUp(name: string) {
    const res = await local.cognito('SignUp', {
      ClientId: clientId,
      Username: name,
      Password: 'Signed!Up2026x',
      UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }],
    });
    expect(res.status).toBe(200);
  }

  const events = async (target: string) =>
    (await call('auditor', 'GET', `/api/audit-events?target=${encodeURIComponent(target)}&limit=200`)).body!
      .items as Array<Record<string, unknown>>;

  it('invite with the default (suppressed) delivery: the returned password signs in (NEW_PASSWORD_REQUIRED), once, never audited', async () => {
    const name = `invitee-${run}`;
    const password = await invite(name);
    expect(password).toEqual(expect.any(String));
    const first = await signIn(name, password);
    expect(first).toMatchObject({ status: 200, body: { ChallengeName: 'NEW_PASSWORD_REQUIRED' } });
    const detail = await call('admin', 'GET', `${users()}/${name}`);
    expect(detail.body).toMatchObject({ status: 'FORCE_CHANGE_PASSWORD' });
    expect(detail.text).not.toContain(password);
    const rows = await events(name);
    expect(rows.map((e) => `${e.action}:${e.outcome}`)).toEqual(
      expect.arrayContaining(['user.create:attempted', 'user.create:succeeded']),
    );
    expect(rows[0]!.request).toMatchObject({ passwordFrom: 'poolkeeper' });
    expect(JSON.stringify(rows)).not.toContain(password);
  });

  it('invite sent by email says where; SMS without a phone number is refused naming the field', async () => {
    const name = `sent-${run}`;
    const res = await call('admin', 'POST', users(), {
      username: name,
      attributes: { email: `${name}@example.com` },
      delivery: 'send',
      deliveryMediums: ['EMAIL'],
    });
    expect(res).toMatchObject({
      status: 201,
      body: { invitation: { delivery: 'sent', mediums: ['EMAIL'], destinations: [`${name}@example.com`] } },
    });
    const bad = await call('admin', 'POST', users(), {
      username: `${name}-sms`,
      delivery: 'send',
      deliveryMediums: ['SMS'],
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'attributes.phone_number' }] },
    });
  });

  it('resend invitation: support and admin may (the old password stops working), auditor may not; reason required', async () => {
    const name = `resend-${run}`;
    const old = await invite(name);
    const path = `${users()}/${name}/resend-invitation`;
    expect(await call('auditor', 'POST', path, { reason: 'x' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await call('support', 'POST', path, {})).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'reason' }] },
    });
    const sent = await call('support', 'POST', path, { reason: 'never got the invite' });
    expect(sent).toMatchObject({
      status: 200,
      body: { delivery: 'sent', mediums: ['EMAIL'], destinations: [`${name}@example.com`] },
    });
    expect((await signIn(name, old)).body).toMatchObject({ __type: 'NotAuthorizedException' });
    expect((await call('admin', 'POST', path, { reason: 'again' })).status).toBe(200);
    const rows = await events(name);
    // newest first: the admin's resend, then the support's
    const done = rows.filter((e) => e.action === 'user.resend-invitation' && e.outcome === 'succeeded');
    expect(done.map((e) => (e.actor as { username: string }).username)).toEqual(['admin', 'support']);
    expect(done[1]).toMatchObject({
      reason: 'never got the invite',
      actor: { username: 'support' },
      request: { status: 'FORCE_CHANGE_PASSWORD', deliveryMediums: ['EMAIL'] },
    });
  });

  it('resend invitation to a user who already signed in: 409 USER_STATUS_CONFLICT, nothing audited', async () => {
    const name = `signed-in-${run}`;
    await invite(name);
    await call('admin', 'POST', `${users()}/${name}/password`, {
      password: 'Perm!Pass2026x',
      permanent: true,
    });
    const res = await call('support', 'POST', `${users()}/${name}/resend-invitation`, { reason: 'x' });
    expect(res).toMatchObject({
      status: 409,
      body: { code: 'USER_STATUS_CONFLICT', details: { status: 'CONFIRMED' } },
    });
    expect(res.body!.message).toMatch(/has not signed in yet/);
    expect((await events(name)).filter((e) => e.action === 'user.resend-invitation')).toEqual([]);
  });

  it('confirm sign-up: admin only, UNCONFIRMED only; the user then signs in', async () => {
    const name = `signup-${run}`;
    await signUp(name);
    const path = `${users()}/${name}/confirm-sign-up`;
    for (const role of ['support', 'auditor'] as const)
      expect(await call(role, 'POST', path, { reason: 'x' })).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
    expect((await call('admin', 'POST', path, { reason: '' })).status).toBe(400);
    expect((await call('admin', 'POST', path, { reason: 'confirmed on the phone' })).status).toBe(204);
    expect((await cognitoUser(local, name)).UserStatus).toBe('CONFIRMED');
    expect((await signIn(name, 'Signed!Up2026x')).body.AuthenticationResult).toBeDefined();
    expect(await call('admin', 'POST', path, { reason: 'again' })).toMatchObject({
      status: 409,
      body: { code: 'USER_STATUS_CONFLICT', details: { status: 'CONFIRMED' } },
    });
    const done = (await events(name)).find(
      (e) => e.action === 'user.confirm-sign-up' && e.outcome === 'succeeded',
    );
    expect(done).toMatchObject({
      reason: 'confirmed on the phone',
      request: { before: { status: 'UNCONFIRMED' }, after: { status: 'CONFIRMED' } },
    });
  });

  it('verify attributes: admin only, only attributes the user has and not yet verified', async () => {
    const name = `verify-${run}`;
    await signUp(name);
    const path = `${users()}/${name}/verify-attributes`;
    const body = { attributes: ['email'], reason: 'checked the address with them' };
    for (const role of ['support', 'auditor'] as const)
      expect(await call(role, 'POST', path, body)).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
    expect(
      await call('admin', 'POST', path, { attributes: ['email', 'phone_number'], reason: 'x' }),
    ).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'attributes.1' }] },
    });
    expect((await call('admin', 'POST', path, { attributes: ['email'] })).status).toBe(400);
    expect((await call('admin', 'POST', path, body)).status).toBe(204);
    expect((await call('admin', 'GET', `${users()}/${name}`)).body!.attributes).toMatchObject({
      email_verified: 'true',
    });
    expect(await call('admin', 'POST', path, body)).toMatchObject({
      status: 409,
      body: { code: 'USER_STATUS_CONFLICT' },
    });
    const done = (await events(name)).find(
      (e) => e.action === 'user.verify-attributes' && e.outcome === 'succeeded',
    );
    expect(done).toMatchObject({
      // SignUp leaves email_verified unset
      request: { before: { email_verified: null }, after: { email_verified: 'true' } },
    });
  });

  it('an email edit: unverified by default (as Cognito does), kept verified when asked; the audit says which', async () => {
    const name = `edit-${run}`;
    await invite(name, { email_verified: 'true' });
    const patch = (body: unknown) => call('admin', 'PATCH', `${users()}/${name}`, body);
    const kept = await patch({ set: { email: `${name}-2@example.com` }, keepVerified: ['email'] });
    expect(kept).toMatchObject({ status: 200, body: { email: `${name}-2@example.com` } });
    expect(kept.body!.attributes.email_verified).toBe('true');
    const dropped = await patch({ set: { email: `${name}-3@example.com` } });
    expect(dropped.body!.attributes.email_verified).toBe('false');
    expect(await patch({ set: { name: 'N' }, keepVerified: ['email'] })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'keepVerified' }] },
    });
    const updates = (await events(name)).filter(
      (e) => e.action === 'user.update' && e.outcome === 'succeeded',
    );
    expect(updates.map((e) => e.request)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          before: { email: `${name}-2@example.com` },
          verification: { email_verified: { before: 'true', after: 'false' } },
        }),
        expect.objectContaining({
          keepVerified: ['email'],
          verification: { email_verified: { before: 'true', after: 'true' } },
        }),
      ]),
    );
  });
});

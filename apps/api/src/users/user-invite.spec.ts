import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { CreateUserInput } from '@poolkeeper/cognito-gateway';
import { pino } from 'pino';
import { POOL, type TestApp, startTestApp } from '../test-support/test-app';
import { defaultPasswordPolicy, meetsPolicy } from './temporary-password';

describe('an invite someone can sign in with (fake gateway, every log line kept)', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await startTestApp((c) => c, { logger: pino({ level: 'trace' }, sink) });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.gateway.users.set(POOL, []);
    t.gateway.calls.length = 0;
    t.store.events = [];
    lines.length = 0;
  });

  const users = `/api/pools/${POOL}/users`;
  const create = async (body: unknown) => {
    const res = await t.call('POST', users, { token: t.token(['admin']), body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const createCall = () => t.gateway.calls.find((c) => c.method === 'createUser')!.args[0] as CreateUserInput;

  it('suppressed with no password: generates one meeting the policy, returns it once, never audits or logs it', async () => {
    const res = await create({
      username: 'zoe',
      attributes: { email: 'zoe@example.com' },
      reason: 'new hire',
    });
    expect(res.status).toBe(201);
    const invitation = res.body.invitation as { delivery: string; temporaryPassword: string };
    expect(invitation.delivery).toBe('suppressed');
    expect(meetsPolicy(invitation.temporaryPassword, defaultPasswordPolicy)).toBe(true);
    expect(createCall()).toMatchObject({
      temporaryPassword: invitation.temporaryPassword,
      messageAction: 'SUPPRESS',
    });
    expect(t.store.events.map((e) => e.outcome)).toEqual(['attempted', 'succeeded']);
    expect(t.store.events[0]!.request).toMatchObject({ passwordFrom: 'poolkeeper', delivery: 'suppress' });
    expect(JSON.stringify(t.store.events)).not.toContain(invitation.temporaryPassword);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain(invitation.temporaryPassword);
    // the user page afterwards does not carry it
    const again = await t.call('GET', `${users}/zoe`, { token: t.token(['admin']) });
    expect(await again.text()).not.toContain(invitation.temporaryPassword);
  });

  it("an operator's own temporary password is used, not echoed back, not audited", async () => {
    const res = await create({ username: 'yan', temporaryPassword: 'Chosen!Pass2026' });
    expect(res.body.invitation).toEqual({ delivery: 'suppressed', temporaryPassword: null });
    expect(createCall().temporaryPassword).toBe('Chosen!Pass2026');
    expect(JSON.stringify(t.store.events)).not.toContain('Chosen!Pass2026');
    expect(lines.join('')).not.toContain('Chosen!Pass2026');
  });

  it('sent: says where, and Cognito generates and sends the password', async () => {
    const res = await create({
      username: 'xia',
      attributes: { email: 'xia@example.com', phone_number: '+14155550100' },
      delivery: 'send',
      deliveryMediums: ['EMAIL', 'SMS'],
    });
    expect(res.body.invitation).toEqual({
      delivery: 'sent',
      mediums: ['EMAIL', 'SMS'],
      destinations: ['xia@example.com', '+14155550100'],
    });
    expect(createCall().temporaryPassword).toBeUndefined();
    expect(createCall().messageAction).toBeUndefined();
    expect(t.store.events[0]!.request).toMatchObject({ passwordFrom: 'cognito' });
  });

  it('sent by SMS without a phone number: 400 naming the attribute, nothing created or audited', async () => {
    const res = await create({
      username: 'wes',
      attributes: { email: 'wes@example.com' },
      delivery: 'send',
      deliveryMediums: ['SMS'],
    });
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'attributes.phone_number' }] },
    });
    expect(t.gateway.calls.filter((c) => c.method === 'createUser')).toEqual([]);
    expect(t.store.events).toEqual([]);
  });
});

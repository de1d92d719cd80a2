import { describe, expect, it } from '@jest/globals';
import { decodeHistoryCursor, encodeHistoryCursor } from './sign-in-history-cursor';
import { toSignInEvent, unavailableHistory } from './sign-in-history-mapper';

describe('sign-in history cursor', () => {
  it('wraps NextToken for one pool and user only', () => {
    const cursor = encodeHistoryCursor('us-east-1_P1', 'ann', 'token-1');
    expect(cursor).not.toContain('token-1');
    expect(decodeHistoryCursor(cursor, 'us-east-1_P1', 'ann')).toBe('token-1');
    for (const [pool, user] of [
      ['us-east-1_P1', 'bob'],
      ['us-east-1_P2', 'ann'],
    ] as const) {
      expect(() => decodeHistoryCursor(cursor, pool, user)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: [expect.objectContaining({ field: 'cursor' })],
        }),
      );
    }
  });

  it.each(['%%%', Buffer.from('{"t":""}').toString('base64url'), Buffer.from('[1]').toString('base64url')])(
    'refuses %p',
    (raw) => {
      expect(() => decodeHistoryCursor(raw, 'p', 'ann')).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    },
  );
});

describe('sign-in history mapping', () => {
  it('flattens an AuthEvent, nulls where AWS said nothing', () => {
    expect(
      toSignInEvent({
        eventId: 'e1',
        type: 'SignIn',
        createdAt: new Date('2026-12-01T10:00:00Z'),
        response: 'Fail',
        risk: { decision: 'NoRisk', level: 'Low', compromisedCredentials: false },
        challenges: [{ name: 'Password', response: 'Failure' }],
        context: {
          ipAddress: '192.0.2.1',
          deviceName: 'Firefox',
          timezone: null,
          city: 'Lyon',
          country: 'France',
        },
      }),
    ).toEqual({
      eventId: 'e1',
      time: '2026-12-01T10:00:00.000Z',
      eventType: 'SignIn',
      result: 'Fail',
      ipAddress: '192.0.2.1',
      deviceName: 'Firefox',
      city: 'Lyon',
      country: 'France',
      timezone: null,
      risk: { decision: 'NoRisk', level: 'Low', compromisedCredentials: false },
      challenges: [{ name: 'Password', response: 'Failure' }],
    });
    expect(
      toSignInEvent({
        eventId: 'e2',
        type: 'SignIn',
        createdAt: null,
        response: null,
        risk: null,
        challenges: [],
        context: null,
      }),
    ).toMatchObject({ time: null, ipAddress: null, deviceName: null, city: null, risk: null });
  });

  it('tells the tier from threat protection being off', () => {
    expect(
      unavailableHistory('UserPoolAddOnNotEnabledException', { tier: 'ESSENTIALS', mode: null }),
    ).toMatchObject({
      available: false,
      reason: 'tier',
      tier: 'ESSENTIALS',
      message: expect.stringContaining('the Essentials plan'),
    });
    expect(
      unavailableHistory('UserPoolAddOnNotEnabledException', { tier: 'LITE', mode: null }),
    ).toMatchObject({
      reason: 'tier',
      message: expect.stringContaining('the Lite plan'),
    });
    expect(unavailableHistory('FeatureUnavailableInTierException', { tier: null, mode: null })).toMatchObject(
      {
        reason: 'tier',
        tier: null,
      },
    );
    expect(
      unavailableHistory('UserPoolAddOnNotEnabledException', { tier: 'PLUS', mode: 'OFF' }),
    ).toMatchObject({
      reason: 'not-enabled',
      tier: 'PLUS',
      message: expect.stringContaining('off for this pool'),
    });
  });
});

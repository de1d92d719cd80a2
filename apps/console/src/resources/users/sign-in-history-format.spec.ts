import { describe, expect, it } from '@jest/globals';
import {
  challengesLabel,
  deviceLabel,
  eventTypeLabel,
  locationOf,
  relativeTime,
  riskLabel,
} from './sign-in-history-format';

describe('sign-in history formatting', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');

  it.each([
    ['2026-12-03T11:59:50Z', 'now'],
    ['2026-12-03T11:57:00Z', '3 minutes ago'],
    ['2026-12-03T09:00:00Z', '3 hours ago'],
    ['2026-12-02T12:00:00Z', 'yesterday'],
    ['2026-11-19T12:00:00Z', '2 weeks ago'],
    ['2025-12-03T12:00:00Z', 'last year'],
  ])('%s reads as %p', (iso, text) => {
    expect(relativeTime(iso, now)).toBe(text);
  });

  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
      'Chrome on Windows',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15', 'Safari on macOS'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux'],
    ['AcmeShop/4.2 (iPhone; iOS 18.1)', 'AcmeShop/4.2 on iOS'],
    ['Third/3.0', 'Third/3.0'],
  ])('device %s is %p', (agent, label) => {
    expect(deviceLabel(agent)).toBe(label);
  });

  it('place, risk, event type and challenges', () => {
    expect(locationOf({ city: 'Lyon', country: 'France' })).toBe('Lyon, France');
    expect(locationOf({ city: null, country: 'France' })).toBe('France');
    expect(locationOf({ city: null, country: null })).toBeNull();
    expect(riskLabel({ level: 'Low', decision: 'NoRisk', compromisedCredentials: false })).toBe(
      'Low, no risk',
    );
    expect(riskLabel({ level: 'High', decision: 'Block', compromisedCredentials: true })).toBe(
      'High, blocked; compromised credentials',
    );
    expect(riskLabel(null)).toBeNull();
    expect(eventTypeLabel('SignIn')).toBe('Sign-in');
    expect(eventTypeLabel('Other')).toBe('Other');
    expect(
      challengesLabel([
        { name: 'Password', response: 'Success' },
        { name: 'Mfa', response: 'Failure' },
      ]),
    ).toBe('Password passed, MFA failed');
    expect(challengesLabel([])).toBeNull();
  });
});

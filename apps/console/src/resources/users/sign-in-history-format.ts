/** How a sign-in event's fields read in the console: relative time, a short device name, the place. */
import type { SignInEvent } from '@poolkeeper/contract';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago", "yesterday", "now" (English, like the rest of the console). */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone|iPad|iOS/, 'iOS'],
  [/Android/, 'Android'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Windows/, 'Windows'],
  [/Linux|X11/, 'Linux'],
];

/**
 * A short name for Cognito's DeviceName (often the browser's User-Agent): "Chrome on Windows"; an app's own
 * agent ("AcmeShop/4.2 (iPhone; iOS 18.1)") keeps its product name: "AcmeShop/4.2 on iOS".
 */
export function deviceLabel(deviceName: string): string {
  const system = SYSTEMS.find(([pattern]) => pattern.test(deviceName))?.[1];
  const browser = /^Mozilla\//.test(deviceName)
    ? BROWSERS.find(([pattern]) => pattern.test(deviceName))?.[1]
    : deviceName.split(/[\s(]/)[0] || undefined;
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  return deviceName.length > 48 ? `${deviceName.slice(0, 47)}…` : deviceName;
}

export function locationOf(event: Pick<SignInEvent, 'city' | 'country'>): string | null {
  const parts = [event.city, event.country].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : null;
}

const DECISIONS: Record<string, string> = {
  NoRisk: 'no risk',
  AccountTakeover: 'account takeover',
  Block: 'blocked',
};

/** "Low, no risk"; null when Cognito gave no risk assessment. */
export function riskLabel(risk: SignInEvent['risk']): string | null {
  if (!risk || (!risk.level && !risk.decision)) return null;
  const decision = risk.decision ? (DECISIONS[risk.decision] ?? risk.decision) : null;
  const parts = [risk.level, decision].filter((p): p is string => !!p);
  const text = parts.join(', ');
  return risk.compromisedCredentials ? `${text}; compromised credentials` : text;
}

const EVENT_TYPES: Record<string, string> = {
  SignIn: 'Sign-in',
  SignUp: 'Sign-up',
  ForgotPassword: 'Forgot password',
  PasswordChange: 'Password change',
  ResendCode: 'Resend code',
};

export function eventTypeLabel(type: string): string {
  return EVENT_TYPES[type] ?? type;
}

/** "Password failed", "Password passed, MFA passed". */
export function challengesLabel(challenges: SignInEvent['challenges']): string | null {
  if (challenges.length === 0) return null;
  return challenges
    .map((c) => {
      const name = c.name === 'Mfa' ? 'MFA' : c.name;
      const outcome = c.response === 'Success' ? 'passed' : c.response === 'Failure' ? 'failed' : c.response;
      return `${name} ${outcome}`;
    })
    .join(', ');
}

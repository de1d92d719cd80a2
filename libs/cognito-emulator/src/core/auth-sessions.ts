import { createHash } from 'node:crypto';
import { opaqueToken } from './ids';

export interface AuthSession {
  poolId: string;
  clientId: string;
  username: string;
  sub: string;
  challenge: string;
  expiresAt: number;
  /** MFA_SETUP progress: a secret was associated, then verified. */
  stage?: 'associated' | 'verified';
  /** The sign-in's auth event (updated when the challenge is answered). */
  eventId?: string;
  /** Wrong codes answered so far on this session. */
  failures?: number;
  /** USER_SRP_AUTH: the client's A and the server's b and B (hex). */
  srp?: { A: string; b: string; B: string };
  /** Where the sign-in came from (ContextData / UserContextData), for its auth event. */
  context?: Record<string, string>;
}

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Challenge sessions (e.g. NEW_PASSWORD_REQUIRED): opaque, unguessable, single-use, expiring values bound
 * to a user and an app client. Held in memory only (a restart ends pending challenges) and keyed by digest.
 */
export class AuthSessions {
  private readonly sessions = new Map<string, AuthSession>();

  constructor(private readonly ttlMs = 3 * 60 * 1000) {}

  create(session: Omit<AuthSession, 'expiresAt'>, now: number): string {
    this.prune(now);
    const token = opaqueToken() + opaqueToken();
    this.sessions.set(hash(token), { ...session, expiresAt: now + this.ttlMs });
    return token;
  }

  /** The live session for the token, or undefined (unknown, expired or already used). */
  peek(token: string, now: number): AuthSession | undefined {
    const s = this.sessions.get(hash(token));
    if (!s) return undefined;
    if (s.expiresAt <= now) {
      this.sessions.delete(hash(token));
      return undefined;
    }
    return s;
  }

  consume(token: string): void {
    this.sessions.delete(hash(token));
  }

  private prune(now: number): void {
    for (const [k, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(k);
  }
}

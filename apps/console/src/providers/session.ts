/**
 * The signed-in session: Cognito tokens kept in localStorage (so a reload keeps you signed in),
 * refreshed shortly before the access token expires and on demand after a 401 (operator access tokens
 * are short-lived: the API re-checks the operator, and a revoked one cannot renew). Ending the session
 * revokes its refresh token first.
 */
import { authConfigSchema, type AuthConfig } from '@poolkeeper/contract';
import { refreshTokens, revokeToken, type CognitoTokens } from './cognito-auth';

const storageKey = 'poolkeeper.session';
/** Refresh this long before the access token expires. */
export const refreshMarginMs = 60_000;
/** Sign-out waits at most this long for Cognito to revoke the refresh token. */
const revokeTimeoutMs = 5_000;

let configPromise: Promise<AuthConfig> | null = null;
let refreshing: Promise<CognitoTokens | null> | null = null;
let ending: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function getAuthConfig(): Promise<AuthConfig> {
  if (!configPromise) {
    configPromise = fetch('/api/auth/config', { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`Cannot load the sign-in configuration (HTTP ${response.status}).`);
        return authConfigSchema.parse(await response.json());
      })
      .catch((error: unknown) => {
        configPromise = null;
        throw error instanceof Error ? error : new Error(String(error));
      });
  }
  return configPromise;
}

export function readTokens(): CognitoTokens | null {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<CognitoTokens>;
    if (!value.accessToken || !value.refreshToken || typeof value.expiresAt !== 'number') return null;
    return value as CognitoTokens;
  } catch {
    return null;
  }
}

export function saveTokens(tokens: CognitoTokens): void {
  localStorage.setItem(storageKey, JSON.stringify(tokens));
  listeners.forEach((listener) => listener());
}

export function clearTokens(): void {
  localStorage.removeItem(storageKey);
  listeners.forEach((listener) => listener());
}

/** Called whenever the session changes (sign-in, refresh, sign-out). */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Refreshes once even when many requests ask at the same time; null when the session cannot be renewed. */
export function forceRefresh(): Promise<CognitoTokens | null> {
  const current = readTokens();
  if (!current) return Promise.resolve(null);
  if (!refreshing) {
    refreshing = getAuthConfig()
      .then((config) => refreshTokens(config, current.refreshToken))
      .then((tokens) => {
        // Signed out (or in as someone else) while the refresh was in flight: do not bring it back.
        if (readTokens()?.refreshToken !== current.refreshToken) return null;
        saveTokens(tokens);
        return tokens;
      })
      .catch(() => null)
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/** An access token good for at least a minute, refreshing if needed; null when signed out. */
export async function getAccessToken(): Promise<string | null> {
  const tokens = readTokens();
  if (!tokens) return null;
  if (tokens.expiresAt - refreshMarginMs > Date.now()) return tokens.accessToken;
  const renewed = await forceRefresh();
  return renewed?.accessToken ?? null;
}

/**
 * Signs out: revokes the refresh token (RevokeToken), then forgets the tokens. Revocation is best
 * effort — Cognito unreachable, slow or refusing (e.g. revocation not enabled on the app client) never
 * keeps the operator signed in; the tokens are cleared whatever the answer.
 */
export function endSession(): Promise<void> {
  if (!ending) {
    const tokens = readTokens();
    ending = (async () => {
      if (tokens) {
        try {
          const config = await getAuthConfig();
          await revokeToken(config, tokens.refreshToken, AbortSignal.timeout(revokeTimeoutMs));
        } catch {
          // best effort: see above
        }
      }
      clearTokens();
    })().finally(() => {
      ending = null;
    });
  }
  return ending;
}

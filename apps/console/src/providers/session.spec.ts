import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

/**
 * The session against a stand-in for the network (fetch): the local-API config and Cognito's
 * InitiateAuth / RevokeToken, answered as Cognito answers them. Storage is an in-memory localStorage.
 */
type Session = typeof import('./session');
type HttpClient = typeof import('./http-client');

const config = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Ops1',
  clientId: 'console-client',
  endpoint: 'http://cognito.test/',
};

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

interface Call {
  url: string;
  target?: string;
  body?: Record<string, unknown>;
  authorization?: string;
  /** The session stored when the call was made. */
  storedAtCall: string | null;
}

let calls: Call[] = [];
let answer: (call: Call) => Promise<Response> | Response;
let session: Session;
let http: HttpClient;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function cognitoTokens(accessToken: string, expiresInSeconds = 900) {
  return { AuthenticationResult: { AccessToken: accessToken, IdToken: 'id', ExpiresIn: expiresInSeconds } };
}

function stored(): { accessToken: string; refreshToken: string; expiresAt: number } | null {
  const raw = localStorage.getItem('poolkeeper.session');
  return raw ? JSON.parse(raw) : null;
}

function signedIn(expiresInMs: number, accessToken = 'old-access') {
  session.saveTokens({
    accessToken,
    idToken: 'id',
    refreshToken: 'refresh-1',
    expiresAt: Date.now() + expiresInMs,
  });
}

beforeAll(async () => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url: String(input),
      target: headers.get('X-Amz-Target')?.split('.')[1],
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.get('Authorization') ?? undefined,
      storedAtCall: localStorage.getItem('poolkeeper.session'),
    };
    calls.push(call);
    if (call.url === '/api/auth/config') return json(200, config);
    return answer(call);
  }) as typeof fetch;
  session = await import('./session');
  http = await import('./http-client');
});

beforeEach(() => {
  calls = [];
  answer = () => json(500, { message: 'unexpected call' });
});

afterEach(() => session.clearTokens());

const cognitoCalls = () => calls.filter((call) => call.target);

describe('access tokens are renewed before they expire', () => {
  it('uses a token with more than the margin left as it is', async () => {
    signedIn(10 * 60_000);
    await expect(session.getAccessToken()).resolves.toBe('old-access');
    expect(cognitoCalls()).toEqual([]);
  });

  it('renews a token with less than the 60 s margin left (REFRESH_TOKEN_AUTH), keeping the refresh token', async () => {
    signedIn(30_000);
    answer = () => json(200, cognitoTokens('new-access'));
    await expect(session.getAccessToken()).resolves.toBe('new-access');
    expect(cognitoCalls()).toMatchObject([
      {
        target: 'InitiateAuth',
        body: {
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: 'console-client',
          AuthParameters: { REFRESH_TOKEN: 'refresh-1' },
        },
      },
    ]);
    expect(stored()).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-1' });
    expect(stored()!.expiresAt).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it('renews once when many requests ask at the same time', async () => {
    signedIn(1_000);
    answer = () => json(200, cognitoTokens('new-access'));
    const tokens = await Promise.all([
      session.getAccessToken(),
      session.getAccessToken(),
      session.forceRefresh(),
    ]);
    expect(tokens.map((t) => (typeof t === 'string' ? t : t?.accessToken))).toEqual([
      'new-access',
      'new-access',
      'new-access',
    ]);
    expect(cognitoCalls()).toHaveLength(1);
  });

  it('gives no token when Cognito refuses to renew (the operator was signed out or disabled)', async () => {
    signedIn(1_000);
    answer = () => json(400, { __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    await expect(session.getAccessToken()).resolves.toBeNull();
  });
});

describe('after a 401 the API request is retried once with a renewed token', () => {
  it('renews and retries', async () => {
    signedIn(10 * 60_000);
    answer = (call) => {
      if (call.target === 'InitiateAuth') return json(200, cognitoTokens('new-access'));
      return call.authorization === 'Bearer new-access'
        ? json(200, { ok: true })
        : json(401, { code: 'UNAUTHENTICATED', message: 'expired' });
    };
    await expect(http.apiRequest('/me')).resolves.toEqual({ ok: true });
    expect(calls.filter((call) => call.url === '/api/me').map((call) => call.authorization)).toEqual([
      'Bearer old-access',
      'Bearer new-access',
    ]);
  });

  it('answers the 401 when the session cannot be renewed', async () => {
    signedIn(10 * 60_000);
    answer = (call) =>
      call.target
        ? json(400, { __type: 'NotAuthorizedException', message: 'revoked' })
        : json(401, { code: 'UNAUTHENTICATED', message: 'The token was revoked.' });
    await expect(http.apiRequest('/me')).rejects.toMatchObject({
      status: 401,
      message: 'The token was revoked.',
    });
    expect(calls.filter((call) => call.url === '/api/me')).toHaveLength(1);
  });
});

describe('signing out revokes the refresh token, then forgets the session', () => {
  it('calls RevokeToken with the client id and the refresh token while the session is still there', async () => {
    signedIn(10 * 60_000);
    answer = () => json(200, {});
    await session.endSession();
    expect(cognitoCalls()).toMatchObject([
      { target: 'RevokeToken', body: { ClientId: 'console-client', Token: 'refresh-1' } },
    ]);
    expect(cognitoCalls()[0]!.storedAtCall).not.toBeNull();
    expect(stored()).toBeNull();
  });

  it('signs out even when Cognito refuses to revoke', async () => {
    signedIn(10 * 60_000);
    answer = () => json(400, { __type: 'UnsupportedOperationException', message: 'not enabled' });
    await session.endSession();
    expect(stored()).toBeNull();
  });

  it('signs out even when Cognito cannot be reached', async () => {
    signedIn(10 * 60_000);
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await session.endSession();
    expect(stored()).toBeNull();
  });

  it('does not bring back a session renewed while signing out', async () => {
    signedIn(1_000);
    let finishRefresh: (response: Response) => void = () => undefined;
    answer = (call) =>
      call.target === 'InitiateAuth'
        ? new Promise<Response>((resolve) => (finishRefresh = resolve))
        : json(200, {});
    const refreshing = session.forceRefresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await session.endSession();
    finishRefresh(json(200, cognitoTokens('late-access')));
    await expect(refreshing).resolves.toBeNull();
    expect(stored()).toBeNull();
  });
});

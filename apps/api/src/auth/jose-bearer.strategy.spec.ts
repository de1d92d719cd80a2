import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Request } from 'express';
import { JoseBearerStrategy } from './jose-bearer.strategy';

/**
 * Issue 10's profile found the API re-exporting the JWT key to PEM on every request (11 % of its CPU). With
 * jose the pool's JWKS is fetched once and each key imported once per `kid`: this guards that N requests
 * cost one JWKS fetch and one key import, not N.
 */
describe('JoseBearerStrategy key handling', () => {
  const issuer = 'http://127.0.0.1/us-east-1_Keys';
  let server: Server;
  let jwksUri: string;
  let fetches = 0;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const token = (sub: string) =>
    new SignJWT({ token_use: 'access' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  /** Runs passport's authenticate for one bearer token and resolves with the verified `sub`. */
  function authenticate(strategy: JoseBearerStrategy, bearer: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const s = strategy as unknown as Record<string, unknown>;
      s['success'] = (user: { sub: string }) => resolve(user.sub);
      s['fail'] = (e: unknown) => reject(e instanceof Error ? e : new Error(String(e)));
      s['error'] = reject;
      strategy.authenticate({ headers: { authorization: `Bearer ${bearer}` } } as Request);
    });
  }

  it('fetches the JWKS once and imports the key once for many requests', async () => {
    const strategy = new JoseBearerStrategy({ jwksUri, issuer }, (claims, _token, done) =>
      done(null, { sub: claims.sub }),
    );
    const tokens = await Promise.all(Array.from({ length: 25 }, (_, i) => token(`user-${i}`)));
    const importKey = jest.spyOn(crypto.subtle, 'importKey');
    try {
      for (const [i, t] of tokens.entries()) expect(await authenticate(strategy, t)).toBe(`user-${i}`);
      expect(fetches).toBe(1);
      expect(importKey).toHaveBeenCalledTimes(1);
    } finally {
      importKey.mockRestore();
    }
  });
});

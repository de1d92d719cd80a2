import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Test-only: an RSA key, a JWKS server for it on 127.0.0.1:0, and a signer for access tokens. */
export interface TokenKit {
  jwksUrl: string;
  /** The endpoint override whose `<endpoint>/<poolId>` is the issuer; the JWKS is served under it. */
  endpoint: string;
  sign(
    claims: Record<string, unknown>,
    options?: { alg?: 'RS256' | 'HS256' | 'none'; kid?: string; key?: KeyObject },
  ): string;
  otherKey: KeyObject;
  close(): Promise<void>;
}

export async function startTokenKit(kid = 'test-key-1'): Promise<TokenKit> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    jwksUrl: `${endpoint}/.well-known/jwks.json`,
    otherKey: other.privateKey,
    sign(claims, options = {}) {
      const alg = options.alg ?? 'RS256';
      const header = b64(JSON.stringify({ alg, typ: 'JWT', kid: options.kid ?? kid }));
      const body = b64(JSON.stringify(claims));
      const input = `${header}.${body}`;
      if (alg === 'none') return `${input}.`;
      if (alg === 'HS256')
        return `${input}.${createHmac('sha256', 'secret').update(input).digest('base64url')}`;
      return `${input}.${createSign('RSA-SHA256')
        .update(input)
        .sign(options.key ?? privateKey, 'base64url')}`;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

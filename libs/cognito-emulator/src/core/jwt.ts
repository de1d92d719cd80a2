import { createPublicKey, KeyObject, sign, verify, JsonWebKey } from 'node:crypto';

export type JwtPayload = Record<string, unknown>;

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Signs an RS256 JWT with node:crypto. */
export function signJwt(payload: JwtPayload, privateKey: KeyObject, kid: string): string {
  const header = b64url(JSON.stringify({ kid, alg: 'RS256' }));
  const body = b64url(JSON.stringify(payload));
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), privateKey);
  return `${header}.${body}.${b64url(signature)}`;
}

export interface DecodedJwt {
  header: { kid?: string; alg?: string };
  payload: JwtPayload;
}

/** Splits and parses a JWT without checking it. Throws on a malformed token. */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('malformed JWT');
  const [h, p] = parts as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as DecodedJwt['header'],
    payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as JwtPayload,
  };
}

/** Verifies an RS256 signature against a set of JWKs (by kid). Returns the payload; does not check claims. */
export function verifyJwtSignature(token: string, jwks: Array<JsonWebKey & { kid?: string }>): JwtPayload {
  const decoded = decodeJwt(token);
  if (decoded.header.alg !== 'RS256') throw new Error('unexpected alg');
  const jwk = jwks.find((k) => k.kid === decoded.header.kid);
  if (!jwk) throw new Error('unknown kid');
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const [h, p, s] = token.split('.') as [string, string, string];
  if (!verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url')))
    throw new Error('bad signature');
  return decoded.payload;
}

import { describe, expect, it, afterAll } from '@jest/globals';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, signJwt, verifyJwtSignature } from './jwt';
import { loadOrCreateSigningKey } from './signing-keys';

describe('JWT signing', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cognito-jwt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs RS256 tokens that node:crypto verifies with the public JWK', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const token = signJwt({ sub: 'abc', token_use: 'id', n: 1 }, key.privateKey, key.kid);
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ kid: key.kid, alg: 'RS256' });
    const pub = createPublicKey({ key: key.publicJwk, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${h}.${p}`), pub, Buffer.from(s, 'base64url'))).toBe(true);
    expect(verifyJwtSignature(token, [key.publicJwk])).toEqual({ sub: 'abc', token_use: 'id', n: 1 });
    expect(decodeJwt(token).payload.sub).toBe('abc');
  });

  it('rejects tampered tokens and foreign keys', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const token = signJwt({ sub: 'abc' }, key.privateKey, key.kid);
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'evil' })).toString('base64url')}.${s}`;
    expect(() => verifyJwtSignature(forged, [key.publicJwk])).toThrow('bad signature');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const foreign = signJwt({ sub: 'abc' }, other.privateKey, key.kid);
    expect(() => verifyJwtSignature(foreign, [key.publicJwk])).toThrow('bad signature');
  });

  it('keeps the key pair and kid of a data directory', async () => {
    const a = await loadOrCreateSigningKey(dir);
    const b = await loadOrCreateSigningKey(dir);
    expect(b.kid).toBe(a.kid);
    expect(b.publicJwk.n).toBe(a.publicJwk.n);
  });
});

import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import {
  claimSignature,
  clientEphemeral,
  clientKey,
  createVerifier,
  g,
  k,
  modPow,
  N,
  powG,
  padHex,
  serverEphemeral,
  serverKey,
  SRP_TIMESTAMP,
  srpPoolName,
  validClientA,
} from './srp';

describe('SRP-6a (Cognito USER_SRP_AUTH)', () => {
  it('uses the 3072-bit group and pads hex as Cognito hashes it', () => {
    expect(N.toString(2)).toHaveLength(3072);
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0xabcn)).toBe('0abc');
    expect(k > 0n && k < N).toBe(true);
    expect(srpPoolName('eu-west-1_AbCdEf123')).toBe('AbCdEf123');
  });

  it('computes g^e mod N with the fixed-base table exactly as the BigInt modPow does', () => {
    const exponents = [
      1n,
      2n,
      15n,
      16n,
      255n,
      256n,
      (1n << 255n) + 12345n,
      (1n << 256n) - 1n,
      1n << 256n,
      N - 1n,
      N + 5n,
      0n,
    ];
    for (let i = 0; i < 8; i++) exponents.push(BigInt(`0x${randomBytes(i % 2 ? 32 : 128).toString('hex')}`));
    for (const e of exponents) expect(powG(e)).toBe(modPow(g, e, N));
  });

  it('client and server derive the same key; the signature checks; a wrong password does not', () => {
    const { salt, verifier } = createVerifier('AbC', 'alice', 'Corr3ct!horse');
    const server = serverEphemeral(verifier);
    const client = clientEphemeral();
    expect(validClientA(client.A)).toBe(true);
    const serverSide = serverKey(client.A, server.b, server.B, verifier);
    const session = { ...client, B: server.B, salt };
    expect(clientKey('AbC', 'alice', 'Corr3ct!horse', session).equals(serverSide)).toBe(true);
    expect(clientKey('AbC', 'alice', 'wrong', session).equals(serverSide)).toBe(false);
    expect(clientKey('AbC', 'bob', 'Corr3ct!horse', session).equals(serverSide)).toBe(false);
    const block = Buffer.from('secret-block').toString('base64');
    const ts = 'Tue Sep 3 08:05:09 UTC 2024';
    expect(claimSignature(serverSide, 'AbC', 'alice', block, ts)).toBe(
      claimSignature(clientKey('AbC', 'alice', 'Corr3ct!horse', session), 'AbC', 'alice', block, ts),
    );
  });

  it('refuses A ≡ 0 mod N and checks the timestamp format', () => {
    expect(validClientA('0')).toBe(false);
    expect(validClientA(N.toString(16))).toBe(false);
    expect(validClientA('xyz')).toBe(false);
    expect(SRP_TIMESTAMP.test('Tue Sep 3 08:05:09 UTC 2024')).toBe(true);
    expect(SRP_TIMESTAMP.test('Wed Dec 25 23:59:59 UTC 2024')).toBe(true);
    expect(SRP_TIMESTAMP.test('Tue Sep 03 08:05:09 UTC 2024')).toBe(false);
    expect(SRP_TIMESTAMP.test('2024-09-03T08:05:09Z')).toBe(false);
  });
});

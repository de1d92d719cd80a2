import { describe, expect, it } from '@jest/globals';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  totpCode,
  type TotpAlgorithm,
} from './totp';

// RFC 6238 Appendix B: seeds are the ASCII "1234567890" repeated to the hash's size; 8 digits.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('matches the RFC 6238 test vectors at T=%d', (time, sha1, sha256, sha512) => {
    const step = Math.floor(time / 30);
    expect(hotp(SEEDS.sha1, step, 8, 'sha1')).toBe(sha1);
    expect(hotp(SEEDS.sha256, step, 8, 'sha256')).toBe(sha256);
    expect(hotp(SEEDS.sha512, step, 8, 'sha512')).toBe(sha512);
  });

  it('matches the RFC 4226 HOTP vectors (6 digits)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expect(expected.map((_, i) => hotp(SEEDS.sha1, i))).toEqual(expected);
  });

  it('round-trips base32 (RFC 4648 vectors, no padding)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    expect(base32Encode(SEEDS.sha1)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('accepts the current step and one either side, once', () => {
    const secret = base32Encode(SEEDS.sha1);
    const now = 59_000;
    expect(totpCode(secret, now)).toBe('287082');
    expect(matchTotp(secret, '287082', now)).toBe(1);
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now)).toBe(0);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now)).toBe(2);
    expect(matchTotp(secret, totpCode(secret, now + 60_000), now)).toBeUndefined();
    expect(matchTotp(secret, '287082', now, 1)).toBeUndefined();
    expect(matchTotp(secret, '28708', now)).toBeUndefined();
  });
});

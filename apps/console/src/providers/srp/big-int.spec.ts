import { describe, expect, it } from '@jest/globals';
import { bytesToHex, hexToBytes, mod, modPow, padHex, randomBigInt } from './big-int';

describe('SRP numbers', () => {
  it('pads hex as Cognito hashes numbers: even length, 00 before a set top bit', () => {
    expect(padHex(0x14n)).toBe('14');
    expect(padHex(0xecn)).toBe('00ec');
    expect(padHex(0xabcn)).toBe('0abc');
    expect(padHex(0x8abcn)).toBe('008abc');
    expect(() => padHex(-1n)).toThrow(RangeError);
  });

  it('converts hex and bytes both ways', () => {
    expect(bytesToHex(hexToBytes('00ff10'))).toBe('00ff10');
    expect(() => hexToBytes('abc')).toThrow(RangeError);
  });

  it('computes modular powers and keeps negative numbers in range', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    expect(modPow(-3n, 3n, 7n)).toBe(mod(-27n, 7n));
    expect(mod(-1n, 5n)).toBe(4n);
  });

  it('draws random numbers of the asked size', () => {
    const values = new Set(Array.from({ length: 5 }, () => randomBigInt(128)));
    expect(values.size).toBe(5);
    for (const value of values) expect(value < 1n << 1024n).toBe(true);
  });
});

import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';

describe('audit cursor', () => {
  it('round-trips sequences as base64url', () => {
    for (const n of [1n, 42n, 9007199254740993n, 9223372036854775807n]) {
      const cursor = encodeCursor(n);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toBe(n);
    }
    expect(encodeCursor(42n)).toBe(Buffer.from('42').toString('base64url'));
  });

  it('rejects anything that is not a cursor it issued', () => {
    const bad = [
      '',
      '!!',
      'abc=',
      Buffer.from('0').toString('base64url'),
      Buffer.from('-1').toString('base64url'),
      Buffer.from('12x').toString('base64url'),
      Buffer.from('9223372036854775808').toString('base64url'),
      Buffer.from('1').toString('base64'),
    ];
    for (const cursor of bad) expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });
});

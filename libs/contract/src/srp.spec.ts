import { describe, expect, it } from '@jest/globals';
import { SRP_N_HEX, SRP_TIMESTAMP, srpPoolName, srpTimestamp } from './srp';

describe('SRP facts', () => {
  it('writes TIMESTAMP as the SDKs do: day not zero-padded, UTC, 24-hour clock', () => {
    expect(srpTimestamp(new Date('2024-09-03T08:05:09Z'))).toBe('Tue Sep 3 08:05:09 UTC 2024');
    expect(srpTimestamp(new Date('2024-12-25T23:59:59Z'))).toBe('Wed Dec 25 23:59:59 UTC 2024');
    expect(srpTimestamp(new Date('2026-01-01T00:00:00Z'))).toBe('Thu Jan 1 00:00:00 UTC 2026');
  });

  it('accepts exactly that format', () => {
    expect(SRP_TIMESTAMP.test(srpTimestamp(new Date()))).toBe(true);
    expect(SRP_TIMESTAMP.test('Tue Sep 03 08:05:09 UTC 2024')).toBe(false);
    expect(SRP_TIMESTAMP.test('2024-09-03T08:05:09Z')).toBe(false);
  });

  it('uses the 3072-bit group and hashes the pool id without its Region', () => {
    expect(SRP_N_HEX).toHaveLength(768);
    expect(srpPoolName('us-east-1_AbC123')).toBe('AbC123');
  });
});

import { describe, expect, it } from '@jest/globals';
import { decodePageToken, encodePageToken, paginate } from './pagination';

describe('pagination', () => {
  const items = Array.from({ length: 10 }, (_, i) => `k${i}`);

  it('round-trips an opaque token for the same scope only', () => {
    const token = encodePageToken('k3', 'scope-a');
    expect(token).not.toContain('k3');
    expect(decodePageToken(token, 'scope-a')).toBe('k3');
    expect(() => decodePageToken(token, 'scope-b')).toThrow(
      expect.objectContaining({ type: 'InvalidParameterException' }),
    );
    expect(() => decodePageToken('%%%', 'scope-a')).toThrow(
      expect.objectContaining({ type: 'InvalidParameterException' }),
    );
  });

  it('pages through everything without repeats and ends without a token', () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = paginate(items, (x) => x, 3, token, 's');
      seen.push(...page.items);
      token = page.nextToken;
    } while (token);
    expect(seen).toEqual(items);
    expect(paginate(items, (x) => x, 10, undefined, 's').nextToken).toBeUndefined();
  });

  it('is stable when items are deleted between pages', () => {
    const first = paginate(items, (x) => x, 4, undefined, 's');
    const remaining = items.filter((x) => x !== 'k1' && x !== 'k5');
    const second = paginate(remaining, (x) => x, 4, first.nextToken, 's');
    expect(second.items).toEqual(['k4', 'k6', 'k7', 'k8']);
  });
});

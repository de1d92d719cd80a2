import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'react-admin';
import { errorKind } from './error-kind';

describe('errorKind', () => {
  it('reads 404 as not found, 503/502/500/429/no answer as transient, other refusals as neither', () => {
    expect(errorKind(new HttpError('gone', 404))).toBe('not-found');
    for (const status of [0, 408, 429, 500, 502, 503])
      expect(errorKind(new HttpError('x', status))).toBe('transient');
    expect(errorKind(new HttpError('no', 403))).toBe('other');
    expect(errorKind(new HttpError('bad', 400))).toBe('other');
    expect(errorKind(new Error('network'))).toBe('transient');
  });
});

import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { STATE_VERSION } from './persisted';
import { StateFileError, upgradeDocument } from './upgrade';

const fixture = () =>
  JSON.parse(readFileSync(new URL('./fixtures/v1-cognito-state.json', import.meta.url), 'utf8')) as Record<
    string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON document
    any
  >;
const context = { defaultRegion: 'us-east-1' };

describe('state file upgrades', () => {
  it('upgrades the committed v1 file to the current version: pools get their Region, clients revocation', () => {
    const { doc, from } = upgradeDocument(fixture(), 'v1.json', context);
    expect(from).toBe(1);
    expect(doc.version).toBe(STATE_VERSION);
    const pool = doc.pools['eu-west-1_J1cOS6Qdh']!;
    expect(pool.region).toBe('eu-west-1');
    expect(Object.values(pool.clients).map((c) => c.enableTokenRevocation)).toEqual([true]);
    expect(Object.keys(pool.users).sort()).toEqual(['alice', 'bob']);
    expect(Object.keys(doc.refreshTokens)).toHaveLength(1);
  });

  it('gives a pool whose id names no Region the default Region, and adds missing refresh tokens', () => {
    const v1 = { version: 1, pools: { odd: { id: 'odd', clients: {}, users: {}, groups: {} } } };
    const { doc } = upgradeDocument(v1, 'odd.json', { defaultRegion: 'ap-southeast-2' });
    expect(doc.pools.odd!.region).toBe('ap-southeast-2');
    expect(doc.refreshTokens).toEqual({});
  });

  it('gives the committed v2 file (no federation section) an empty one, keeping the rest', () => {
    const v2 = JSON.parse(readFileSync(new URL('./fixtures/v2-cognito-state.json', import.meta.url), 'utf8'));
    const { doc, from } = upgradeDocument(structuredClone(v2), 'v2.json', context);
    expect(from).toBe(2);
    expect(doc.federation).toEqual({});
    expect(doc.version).toBe(STATE_VERSION);
    expect(doc.pools).toEqual(v2.pools);
    expect(doc.refreshTokens).toEqual(v2.refreshTokens);
  });

  it('leaves a current file as it is', () => {
    const current = upgradeDocument(fixture(), 'v1.json', context).doc;
    const again = upgradeDocument(JSON.parse(JSON.stringify(current)), 'v2.json', context);
    expect(again.from).toBe(STATE_VERSION);
    expect(again.doc).toEqual(current);
  });

  it('refuses a newer version, a missing version and a malformed shape, naming the file', () => {
    expect(() => upgradeDocument({ version: STATE_VERSION + 1, pools: {} }, '/d/s.json', context)).toThrow(
      new StateFileError(
        `cognito-emulator: /d/s.json is state version ${STATE_VERSION + 1}, written by a newer poolkeeper; ` +
          `this one reads versions 1 to ${STATE_VERSION}. The file was left untouched: run the newer ` +
          `poolkeeper, or move the file away to start with an empty local Cognito.`,
      ),
    );
    expect(() => upgradeDocument({ pools: {} }, 'f', context)).toThrow(
      /unknown format \(no valid "version"\)/,
    );
    expect(() => upgradeDocument([], 'f', context)).toThrow(/unknown format/);
    expect(() =>
      upgradeDocument({ version: 2, pools: { a: { id: 'b' } }, refreshTokens: {} }, 'f', context),
    ).toThrow(/pool "a" is malformed/);
  });
});

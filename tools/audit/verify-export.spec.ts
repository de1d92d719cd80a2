import { describe, expect, it } from '@jest/globals';
import type { ChainedAuditEvent } from '@poolkeeper/contract';
import { GENESIS_HASH, canonicalEvent, chainHash } from '@poolkeeper/persistence';
import {
  GENESIS_HASH as SCRIPT_GENESIS,
  canonicalJson,
  eventHash,
  parseCsv,
  verifyEvents,
  verifyExportText,
} from './verify-export.mjs';

/** The offline script re-implements the canonical form: it must agree with libs/persistence byte for byte. */
function event(
  sequence: number,
  overrides: Partial<ChainedAuditEvent> = {},
): Omit<ChainedAuditEvent, 'prevHash' | 'hash'> {
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    sequence: String(sequence),
    occurredAt: `2026-12-02T14:00:00.${String(sequence % 1000).padStart(3, '0')}Z`,
    correlationId: 'c-1',
    outcome: 'succeeded',
    action: 'user.disable',
    poolId: sequence % 2 ? 'us-east-1_Pool1' : null,
    targets: [{ type: 'user', id: 'carol' }],
    actor: {
      kind: 'operator',
      sub: 's',
      username: 'ünï "quoted", ✓',
      roles: ['admin'],
      ip: null,
      userAgent: '',
    },
    reason: sequence % 3 ? 'line\nbreak, comma' : null,
    request: { z: 1, a: { y: [1.5, -0, 1e21, null, 'x'], b: '\u2028' }, é: true, '10': 'numeric key' },
    errorCode: null,
    errorMessage: null,
    awsRequestId: null,
    requestId: 'r-1',
    ...overrides,
  };
}

function chain(length: number): ChainedAuditEvent[] {
  let prevHash = GENESIS_HASH;
  return Array.from({ length }, (_, i) => {
    const e = event(i + 1);
    const hash = chainHash(prevHash, e);
    const chained = { ...e, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

describe('tools/audit/verify-export.mjs', () => {
  it('writes the same canonical form and hash as libs/persistence', () => {
    expect(SCRIPT_GENESIS).toBe(GENESIS_HASH);
    for (const e of chain(12)) {
      expect(canonicalJson(JSON.parse(canonicalEvent(e)))).toBe(canonicalEvent(e));
      const { prevHash: _p, hash: _h, ...fields } = e;
      expect(canonicalJson(fields)).toBe(canonicalEvent(e));
      expect(eventHash(e)).toBe(e.hash);
    }
    expect(canonicalEvent(event(1))).toMatch(
      /^\{"action":"user.disable","actor":\{"ip":null,"kind":"operator"/,
    );
  });

  it('verifies a chain as NDJSON and names the edited, removed or reordered event', () => {
    const events = chain(6);
    const ndjson = (list: ChainedAuditEvent[]) => list.map((e) => JSON.stringify(e)).join('\n');
    expect(verifyExportText(ndjson(events))).toMatchObject({ ok: true, count: 6, lastHash: events[5]!.hash });
    const edited = events.map((e) => (e.sequence === '3' ? { ...e, reason: 'changed' } : e));
    expect(verifyExportText(ndjson(edited))).toMatchObject({ ok: false, brokenAt: '3' });
    const swapped = [...events];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(verifyExportText(ndjson(swapped))).toMatchObject({ ok: false, brokenAt: '3' });
    // a removed event is a gap: the runs show it, and --head / --from-hash anchor the ends
    const removed = events.filter((e) => e.sequence !== '4');
    expect(verifyEvents(removed)).toMatchObject({
      ok: true,
      runs: [
        { first: '1', last: '3' },
        { first: '5', last: '6' },
      ],
    });
    expect(verifyEvents(events, { head: events[5]!.hash })).toMatchObject({ ok: true });
    expect(verifyEvents(events, { head: events[4]!.hash })).toMatchObject({ ok: false });
    expect(verifyEvents(events.slice(2), { fromHash: events[1]!.hash })).toMatchObject({ ok: true });
    expect(verifyEvents(events.slice(2), { fromHash: events[0]!.hash })).toMatchObject({
      ok: false,
      brokenAt: '3',
    });
  });

  it('reads CSV cells: quoted is a string (even ""), empty unquoted is null', () => {
    expect(parseCsv('a,"","x ""y"", z\r\nw",\r\n"1",2\r\n')).toEqual([
      ['a', '', 'x "y", z\r\nw', null],
      ['1', '2'],
    ]);
  });
});

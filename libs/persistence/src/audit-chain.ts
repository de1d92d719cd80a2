import { createHash } from 'node:crypto';
import type { AuditEvent, ChainedAuditEvent } from '@poolkeeper/contract';

/**
 * The hash chain of the audit log: the one definition of the canonical form, used by the store (append), the
 * verifier (API route and `npm run audit:verify`). tools/audit/verify-export.mjs re-implements these few lines
 * without dependencies for auditors; tools/audit/verify-export.spec.ts checks that both agree.
 *
 * Canonical form of an event: the event as the API shows it (AuditEvent) plus `sequence`, without `prevHash`
 * and `hash`, written as JSON with
 * - object keys sorted by UTF-16 code unit order (JavaScript's default sort) at every depth, arrays in order;
 * - no whitespace; strings and numbers as JSON.stringify writes them; nulls written out (`"reason":null`);
 * - `sequence` as a decimal string; `occurredAt` as ISO-8601 UTC with milliseconds (`2026-12-02T14:05:00.123Z`);
 * then encoded as UTF-8. `hash = sha256(utf8(prevHash) ‖ utf8(canonical))` in lowercase hex, where `prevHash` is
 * the previous event's hash as 64 hex characters, and GENESIS_HASH for the first event.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields the hash covers, in the AuditEvent shape plus `sequence`. */
export type HashedAuditEvent = AuditEvent & { sequence: string };

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`not representable in the canonical form: ${String(value)}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** The canonical form of an event: `prevHash` and `hash`, if present, are not part of it. */
export function canonicalEvent(event: HashedAuditEvent | ChainedAuditEvent): string {
  const { prevHash: _prev, hash: _hash, ...fields } = event as ChainedAuditEvent;
  return canonicalJson(fields);
}

export function chainHash(prevHash: string, event: HashedAuditEvent | ChainedAuditEvent): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalEvent(event), 'utf8').digest('hex');
}

/** Why an event does not continue the chain after `prevHash`, or null when it does. */
export function chainBreak(prevHash: string, event: ChainedAuditEvent): string | null {
  if (event.prevHash !== prevHash) {
    return (
      `prev_hash ${JSON.stringify(event.prevHash)} is not the hash of the event before it ` +
      `(${prevHash}): an event was removed, inserted or moved here`
    );
  }
  if (event.hash !== chainHash(prevHash, event)) {
    return `hash does not match the event's content: a field was changed after it was written`;
  }
  return null;
}

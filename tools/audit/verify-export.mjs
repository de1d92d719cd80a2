#!/usr/bin/env node
// Offline check of a poolkeeper audit export (README "Audit log integrity"), with nothing but the file and Node.
// No dependencies; written to be read. It re-implements the canonical form of libs/persistence/src/audit-chain.ts
// (tools/audit/verify-export.spec.ts checks that both agree):
//   canonical = JSON of the event without prevHash and hash, object keys sorted at every depth, no whitespace,
//               nulls written out, sequence a decimal string, occurredAt ISO-8601 UTC with milliseconds;
//   hash      = sha256(UTF-8(prevHash) ‖ UTF-8(canonical)), lowercase hex; the first event's prevHash is 64 zeros.
//
// Usage: node tools/audit/verify-export.mjs <file.ndjson|file.csv> [--from-hash <hash>] [--head <hash>]
//   --from-hash  the hash the first exported event must follow (e.g. a head you anchored earlier)
//   --head       the hash the last exported event must have (e.g. the head printed or published at export time)
// Exit code 0 when every check passes, 1 otherwise; the first failing event is named by its sequence and id.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

export function eventHash(event) {
  const { prevHash, hash: _hash, ...fields } = event;
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalJson(fields), 'utf8').digest('hex');
}

/** RFC 4180 cells; a quoted cell is a string (possibly ""), an empty unquoted cell is null. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < text.length) {
    let cell = null;
    if (text[i] === '"') {
      cell = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted cell');
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    } else {
      let end = i;
      while (end < text.length && !',\r\n'.includes(text[end])) end++;
      if (end > i) cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** A CSV export's rows back to the event shape of the NDJSON export. */
export function eventsFromCsv(text) {
  const [header, ...rows] = parseCsv(text);
  return rows.map((cells) => {
    const c = Object.fromEntries(header.map((name, n) => [name, cells[n] ?? null]));
    return {
      id: c.id,
      sequence: c.sequence,
      occurredAt: c.occurredAt,
      correlationId: c.correlationId,
      outcome: c.outcome,
      action: c.action,
      poolId: c.poolId,
      targets: JSON.parse(c.targets),
      actor: {
        kind: c.actorKind,
        sub: c.actorSub,
        username: c.actorUsername,
        roles: JSON.parse(c.actorRoles),
        ip: c.actorIp,
        userAgent: c.actorUserAgent,
      },
      reason: c.reason,
      request: JSON.parse(c.request),
      errorCode: c.errorCode,
      errorMessage: c.errorMessage,
      awsRequestId: c.awsRequestId,
      requestId: c.requestId,
      prevHash: c.prevHash,
      hash: c.hash,
    };
  });
}

export function eventsFromNdjson(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/**
 * Checks every event's hash against its content and prevHash, and that each event's prevHash is the hash of the
 * event before it in the file. A filtered export may have gaps (sequence not the previous plus one): there the
 * link cannot be checked from the file alone, so the file splits into runs, each checked on its own.
 */
export function verifyEvents(events, { fromHash, head } = {}) {
  const runs = [];
  let previous = null;
  for (const event of events) {
    const at = `event ${event.sequence} (${event.id})`;
    if (eventHash(event) !== event.hash) {
      return {
        ok: false,
        brokenAt: event.sequence,
        id: event.id,
        reason: `${at}: hash does not match its content`,
      };
    }
    const contiguous = previous !== null && BigInt(event.sequence) === BigInt(previous.sequence) + 1n;
    if (previous === null && fromHash !== undefined && event.prevHash !== fromHash) {
      return {
        ok: false,
        brokenAt: event.sequence,
        id: event.id,
        reason: `${at}: does not follow --from-hash`,
      };
    }
    if (previous === null && event.sequence === '1' && event.prevHash !== GENESIS_HASH) {
      return {
        ok: false,
        brokenAt: event.sequence,
        id: event.id,
        reason: `${at}: the first event must follow 64 zeros`,
      };
    }
    if (previous !== null && BigInt(event.sequence) <= BigInt(previous.sequence)) {
      return { ok: false, brokenAt: event.sequence, id: event.id, reason: `${at}: out of order` };
    }
    if (contiguous && event.prevHash !== previous.hash) {
      return {
        ok: false,
        brokenAt: event.sequence,
        id: event.id,
        reason: `${at}: prevHash is not the hash of event ${previous.sequence}`,
      };
    }
    if (contiguous) runs[runs.length - 1].last = event.sequence;
    else runs.push({ first: event.sequence, last: event.sequence, follows: event.prevHash });
    previous = event;
  }
  if (head !== undefined && previous?.hash !== head) {
    return {
      ok: false,
      brokenAt: previous?.sequence ?? null,
      id: previous?.id ?? null,
      reason: 'last hash is not --head',
    };
  }
  return { ok: true, count: events.length, lastHash: previous?.hash ?? null, runs };
}

export function verifyExportText(text, options) {
  const events = text.trimStart().startsWith('{') ? eventsFromNdjson(text) : eventsFromCsv(text);
  return verifyEvents(events, options);
}

function main(argv) {
  const file = argv.find((a, n) => !a.startsWith('--') && !argv[n - 1]?.startsWith('--'));
  const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  if (!file) {
    console.error(
      'usage: node tools/audit/verify-export.mjs <export.ndjson|export.csv> [--from-hash H] [--head H]',
    );
    return 2;
  }
  const result = verifyExportText(readFileSync(file, 'utf8'), {
    fromHash: option('--from-hash'),
    head: option('--head'),
  });
  if (!result.ok) {
    console.log(`BROKEN at sequence ${result.brokenAt} (${result.id}): ${result.reason}`);
    return 1;
  }
  console.log(`OK: ${result.count} events, last hash ${result.lastHash}`);
  for (const run of result.runs) {
    console.log(`  contiguous run ${run.first}..${run.last}, follows ${run.follows}`);
  }
  if (result.runs.length > 1) {
    console.log(
      '  (gaps between runs: a filtered export; links across a gap need the full log or the API verify)',
    );
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  process.exitCode = main(process.argv.slice(2));

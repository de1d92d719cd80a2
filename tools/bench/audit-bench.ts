import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AuditQuery } from '@poolkeeper/contract';
import {
  type AuditStore,
  GENESIS_HASH,
  chainHash,
  createAuditStore,
  encodeCursor,
  decodeCursor,
  prepareDatabase,
  sqlFilters,
  startEmbeddedPostgres,
  timeRangeBounds,
} from '@poolkeeper/persistence';

/**
 * Measurement of the audit log (tools/bench/audit.mjs): append throughput with the chain under 8 concurrent
 * writers on two stores, filtered page queries p50/p95 (first and deep cursor pages) with EXPLAIN's scan nodes,
 * export rate and peak RSS, verify time per million events — against an embedded Postgres filled with `rows`
 * chained events. Prints figures; asserts nothing.
 */
const ACTORS = 50;
const TARGETS = 20_000;
const ACTIONS = [
  'user.disable',
  'user.enable',
  'user.update',
  'user.reset-password',
  'user.sign-out',
  'user.create',
];
const SPAN_MS = 365 * 24 * 3600 * 1000;
const START = Date.parse('2025-01-01T00:00:00.000Z');

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function appendBench(stores: AuditStore[], total: number): Promise<void> {
  const writers = 8;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < total / writers; i++) {
        await stores[w % stores.length]!.record({
          correlationId: randomUUID(),
          outcome: 'attempted',
          action: 'user.disable',
          poolId: 'us-east-1_Bench',
          targets: [{ type: 'user', id: `warm-${w}-${i}` }],
          actor: {
            kind: 'operator',
            sub: `sub-${w}`,
            username: `op-${w}`,
            roles: ['admin'],
            ip: '10.0.0.1',
            userAgent: 'bench',
          },
          reason: 'bench',
          request: { i },
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `append: ${total} events, 8 writers on 2 stores (pool 5 each): ${(total / seconds).toFixed(0)} events/s`,
  );
}

/** Fills the log to `rows` chained events as the superuser, in batches (the chain trigger checks each row). */
async function fill(superuserUrl: string, rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  const started = performance.now();
  try {
    const head = (
      await client.query('SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1')
    ).rows[0] as { sequence: string; hash: string };
    let prevHash = head?.hash ?? GENESIS_HASH;
    let sequence = head ? Number(head.sequence) : 0;
    const batch = 5000;
    while (sequence < rows) {
      const cols: unknown[][] = Array.from({ length: 12 }, () => []);
      for (let i = 0; i < batch && sequence < rows; i++) {
        sequence += 1;
        const n = sequence;
        const occurredAt = new Date(START + Math.floor((n / rows) * SPAN_MS)).toISOString();
        const actor = n % ACTORS;
        const event = {
          id: randomUUID(),
          sequence: String(n),
          occurredAt,
          correlationId: `c-${n >> 1}`,
          outcome: n % 2 ? ('attempted' as const) : ('succeeded' as const),
          action: ACTIONS[n % ACTIONS.length] as 'user.disable',
          poolId: 'us-east-1_Bench',
          targets: [{ type: 'user' as const, id: `user-${(n * 7919) % TARGETS}` }],
          actor: {
            kind: 'operator' as const,
            sub: `sub-${actor}`,
            username: `op-${actor}`,
            roles: ['admin'],
            ip: null,
            userAgent: null,
          },
          reason: null,
          request: { n },
          errorCode: null,
          errorMessage: null,
          awsRequestId: null,
          requestId: null,
        };
        const hash = chainHash(prevHash, event);
        [
          event.id,
          n,
          occurredAt,
          event.correlationId,
          event.outcome,
          event.action,
          JSON.stringify(event.targets),
          event.actor.sub,
          event.actor.username,
          JSON.stringify(event.request),
          prevHash,
          hash,
        ].forEach((v, c) => cols[c]!.push(v));
        prevHash = hash;
      }
      await client.query(
        `INSERT INTO audit_events (id, sequence, occurred_at, correlation_id, outcome, action, pool_id, targets,
           actor_kind, actor_sub, actor_username, actor_roles, request, prev_hash, hash)
         SELECT id, seq, at, c, o, a, 'us-east-1_Bench', t::jsonb, 'operator', s, u, '{admin}', r::jsonb, p, h
           FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
             AS x(id, seq, at, c, o, a, t, s, u, r, p, h) ORDER BY seq`,
        cols,
      );
    }
    await client.query('ANALYZE audit_events');
  } finally {
    await client.end();
  }
  console.log(`fill: ${rows} rows in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function queryBench(
  store: AuditStore,
  superuserUrl: string,
  rows: number,
  runs: number,
): Promise<void> {
  const deep = encodeCursor(BigInt(Math.floor(rows * 0.1)));
  const day = 24 * 3600 * 1000;
  const mid = START + SPAN_MS / 2;
  const cases: [string, AuditQuery][] = [
    ['actor', { actor: 'op-7', limit: 50 }],
    ['target', { target: 'user-4242', limit: 50 }],
    ['action', { action: 'user.update', limit: 50 }],
    ['action user.*', { action: 'user.*', limit: 50 }],
    [
      'time 1 day (middle)',
      { from: new Date(mid).toISOString(), to: new Date(mid + day).toISOString(), limit: 50 },
    ],
    [
      'time 30 days (middle)',
      { from: new Date(mid).toISOString(), to: new Date(mid + 30 * day).toISOString(), limit: 50 },
    ],
    [
      'actor + 30 days',
      {
        actor: 'op-7',
        from: new Date(mid).toISOString(),
        to: new Date(mid + 30 * day).toISOString(),
        limit: 50,
      },
    ],
    ['no filter', { limit: 50 }],
  ];
  const explain = new pg.Client({ connectionString: superuserUrl });
  await explain.connect();
  console.log(`pages of 50 at ${rows} rows, ${runs} runs each (p50 / p95), and the scans EXPLAIN shows:`);
  try {
    for (const [name, query] of cases) {
      const pages: [string, AuditQuery][] = [
        ['first', query],
        ['deep ', { ...query, cursor: deep }],
      ];
      for (const [label, q] of pages) {
        const times: number[] = [];
        await store.list(q);
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          await store.list(q);
          times.push(performance.now() - t);
        }
        // the list's query shape (Prisma writes the same conditions): filters, time range as sequence bounds, cursor
        const values: unknown[] = [];
        const where = sqlFilters(q, values);
        const bounds = await timeRangeBounds(explain, q.from, q.to);
        if (bounds !== 'empty' && bounds.lo) where.push(`sequence >= ${bounds.lo}`);
        if (bounds !== 'empty' && bounds.hi) where.push(`sequence <= ${bounds.hi}`);
        if (q.cursor) where.push(`sequence < ${decodeCursor(q.cursor)}`);
        const plan = await explain.query(
          `EXPLAIN SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY sequence DESC LIMIT 51`,
          values,
        );
        const scans = [
          ...new Set(
            plan.rows
              .map(
                (r) =>
                  String(r['QUERY PLAN']).match(
                    /(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan)( Backward)?( using \w+)?/,
                  )?.[0],
              )
              .filter(Boolean),
          ),
        ];
        console.log(
          `  ${name.padEnd(22)} ${label}  p50 ${ms(pct(times, 50)).padStart(9)}  p95 ${ms(pct(times, 95)).padStart(9)}  ${scans.join('; ')}`,
        );
      }
    }
  } finally {
    await explain.end();
  }
}

async function exportBench(store: AuditStore): Promise<void> {
  let peak = process.memoryUsage().rss;
  const before = peak;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  let count = 0;
  let bytes = 0;
  for await (const batch of store.exportBatches({})) {
    count += batch.length;
    bytes += batch.map((e) => `${JSON.stringify(e)}\n`).join('').length; // NDJSON as the route writes it
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(sample);
  const seconds = (performance.now() - started) / 1000;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `export (NDJSON, in-process, no HTTP): ${count} rows in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(0)} rows/s, ` +
      `${mb(bytes)} written; RSS ${mb(before)} before, peak ${mb(peak)}`,
  );
}

async function verifyBench(store: AuditStore): Promise<void> {
  const started = performance.now();
  const result = await store.verify();
  const seconds = (performance.now() - started) / 1000;
  const count = result.count;
  console.log(
    `verify: ${JSON.stringify({ ok: result.ok, count })} in ${seconds.toFixed(1)} s = ${(seconds / (count / 1e6)).toFixed(1)} s per million events`,
  );
}

export async function main(argv: string[]): Promise<number> {
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const rows = Number(arg('--rows') ?? 1_000_000);
  const appends = Number(arg('--appends') ?? 4000);
  const runs = Number(arg('--runs') ?? 40);
  const dataDir = mkdtempSync(join(tmpdir(), 'pk-bench-audit-'));
  const server = await startEmbeddedPostgres({ dataDir });
  const stores = [createAuditStore(server.servingUrl), createAuditStore(server.servingUrl)];
  try {
    await prepareDatabase(server);
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (cores shared with other work)`,
    );
    await fill(server.url, rows); // dated in 2025, so the appends (dated now) continue it
    await appendBench(stores, appends);
    await queryBench(stores[0]!, server.url, rows, runs);
    await exportBench(stores[0]!);
    await verifyBench(stores[0]!);
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    return 0;
  } finally {
    for (const store of stores) await store.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface SequenceBounds {
  /** Lowest sequence that can be in the range; null: no lower bound. */
  lo: string | null;
  /** Highest; null: no upper bound. */
  hi: string | null;
}

/**
 * A time range as a sequence range. Since the chain migration occurred_at never decreases along the sequence
 * (the insert trigger refuses it), so the first event at or after `from` and the last at or before `to` — two
 * index probes on (occurred_at, sequence) — bound every event of the range. The list and the export then walk
 * the sequence index between the bounds (and still filter on occurred_at) instead of walking it from the newest
 * event and discarding every newer row, which cost 160–365 ms at 1 M rows. 'empty': nothing in the range.
 * Rows written before the chain migration were not held to the rule; README "Audit log integrity" says so.
 */
export async function timeRangeBounds(
  db: Queryable,
  from: string | undefined,
  to: string | undefined,
): Promise<SequenceBounds | 'empty'> {
  let lo: string | null = null;
  let hi: string | null = null;
  if (from) {
    const { rows } = await db.query<{ sequence: string }>(
      `SELECT "sequence" FROM "audit_events" WHERE "occurred_at" >= $1
        ORDER BY "occurred_at", "sequence" LIMIT 1`,
      [new Date(from)],
    );
    if (!rows[0]) return 'empty';
    lo = String(rows[0].sequence);
  }
  if (to) {
    const { rows } = await db.query<{ sequence: string }>(
      `SELECT "sequence" FROM "audit_events" WHERE "occurred_at" <= $1
        ORDER BY "occurred_at" DESC, "sequence" DESC LIMIT 1`,
      [new Date(to)],
    );
    if (!rows[0]) return 'empty';
    hi = String(rows[0].sequence);
  }
  if (lo !== null && hi !== null && BigInt(lo) > BigInt(hi)) return 'empty';
  return { lo, hi };
}

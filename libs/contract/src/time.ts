import { z } from 'zod';

/** The instants poolkeeper accepts: real calendar dates from 1970 to 9999 (Postgres and JS agree on those). */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The calendar date an ISO string names (before any offset), e.g. `2026-02-30T…` → 2026, 2, 30. */
function namedDate(text: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function isRealDay([year, month, day]: [number, number, number]): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * An ISO 8601 date-time with an offset (`2026-12-02T10:00:00Z`, `…+01:00`) naming a real day between 1970 and
 * 9999 — `0000-01-01…` or `2026-02-30…` are bad input (400), not something to hand to the database.
 */
export const instantSchema = z.iso.datetime({ offset: true }).superRefine((text, ctx) => {
  const named = namedDate(text);
  if (!named || !isRealDay(named)) {
    ctx.addIssue({ code: 'custom', message: 'is not a real calendar date' });
    return;
  }
  const at = Date.parse(text);
  if (Number.isNaN(at) || at < EARLIEST || at > LATEST) {
    ctx.addIssue({ code: 'custom', message: 'must be between 1970-01-01 and 9999-12-31' });
  }
});

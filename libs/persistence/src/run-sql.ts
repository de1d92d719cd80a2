import pg from 'pg';

/**
 * Runs `text` (one or more statements, simple protocol when there are no params) on a fresh connection and
 * returns the rows of the last one. For tests and tools that act as a given role; the API uses the store.
 */
export async function runSql<T extends Record<string, unknown> = Record<string, unknown>>(
  url: string,
  text: string,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // surfaced by the awaited query
  await client.connect();
  try {
    const result = (await client.query(text)) as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return (last?.rows ?? []) as T[];
  } finally {
    await client.end();
  }
}

/**
 * Takes the session-level advisory lock `lockId` on a connection of its own and holds it until `release()`
 * (tests: e.g. the chain lock, so that appends wait, to stop a process between an attempt and its outcome).
 */
export async function holdAdvisoryLock(url: string, lockId: number): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [lockId]);
  return {
    async release() {
      await client.query('SELECT pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
      await client.end();
    },
  };
}

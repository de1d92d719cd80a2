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

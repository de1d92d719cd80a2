import pg from 'pg';
import { readChainHead, verifyChain } from '@poolkeeper/persistence';

/**
 * `npm run audit:verify [-- --head] [-- --database-url <url>]`: walks the whole hash chain in the database (the
 * same code as GET /api/audit-events/verify) and prints the result; `--head` prints only the chain head, to
 * anchor it outside (a ticket, a log, a signed mail). A tool with its own configuration: the URL comes from
 * `--database-url` or else the DATABASE_URL environment variable (any role with SELECT on audit_events, e.g.
 * the serving role). Exit code 0 when the chain checks, 1 when it is broken, 2 when it cannot run.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const at = argv.indexOf('--database-url');
  const url = at >= 0 ? argv[at + 1] : env['DATABASE_URL'];
  if (!url) {
    console.error('audit:verify: set DATABASE_URL or pass --database-url <postgres://…>');
    return 2;
  }
  const pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'poolkeeper-audit-verify' });
  pool.on('error', () => undefined);
  try {
    if (argv.includes('--head')) {
      console.log(JSON.stringify({ head: await readChainHead(pool) }));
      return 0;
    }
    const started = performance.now();
    const result = await verifyChain(pool);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(JSON.stringify(result));
    console.error(
      result.ok ? `chain OK: ${result.count} events in ${seconds} s` : `chain BROKEN: ${result.reason}`,
    );
    return result.ok ? 0 : 1;
  } catch (error) {
    console.error(`audit:verify: could not read the audit log: ${(error as Error).message}`);
    return 2;
  } finally {
    await pool.end();
  }
}

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditStore,
  type RunningPostgres,
  createAuditStore,
  prepareDatabase,
  runSql,
  startEmbeddedPostgres,
} from '@poolkeeper/persistence';
import { main } from './verify-cli';

/** `npm run audit:verify` against a real Postgres: OK, head, and a tampered row named (exit code 1). */
const dataDir = mkdtempSync(join(tmpdir(), 'pk-audit-verify-cli-'));
let server: RunningPostgres;
let store: AuditStore;

async function run(argv: string[], env: NodeJS.ProcessEnv = { DATABASE_URL: server.servingUrl }) {
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return { code: await main(argv, env), out: out.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir });
  await prepareDatabase(server);
  store = createAuditStore(server.servingUrl);
  for (let i = 0; i < 5; i++) {
    await store.record({
      correlationId: randomUUID(),
      outcome: 'attempted',
      action: 'user.sign-out',
      poolId: null,
      targets: [],
      actor: { kind: 'system', sub: 'system:test', username: 'test', roles: [], ip: null, userAgent: null },
      reason: null,
      request: { i },
    });
  }
}, 60_000);

afterAll(async () => {
  await store?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('audit:verify', () => {
  it('prints OK with the count and head, or only the head with --head', async () => {
    const ok = await run([]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, count: 5, head: { sequence: '5' } });
    const head = await run(['--head']);
    expect(JSON.parse(head.out)).toEqual({ head: await store.head() });
  });

  it('takes --database-url over the environment, and says when it has neither', async () => {
    expect((await run(['--database-url', server.servingUrl], {})).code).toBe(0);
    expect((await run([], {})).code).toBe(2);
  });

  it('exits 1 and names the event when a row was changed', async () => {
    await runSql(
      server.url,
      `SET session_replication_role = replica; UPDATE audit_events SET request = '{"i": 9}' WHERE sequence = 3`,
    );
    const broken = await run([]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, brokenAt: { sequence: '3' }, count: 2 });
  });
});

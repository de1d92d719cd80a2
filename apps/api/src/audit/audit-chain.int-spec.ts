import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningPostgres, runSql, startEmbeddedPostgres } from '@poolkeeper/persistence';
import { type LocalApi, startLocalApi } from '../test-support/local-api';

/**
 * The chain over HTTP, on a Postgres this spec can also reach as the superuser: head and verify, a tampered row
 * named by verify, exports in both formats checked by the offline script alone, and the export audited.
 */
const script = fileURLToPath(new URL('../../../../tools/audit/verify-export.mjs', import.meta.url));

describe('audit log integrity over the API', () => {
  let dir: string;
  let postgres: RunningPostgres;
  let local: LocalApi;

  async function offline(name: string, text: string, ...args: string[]) {
    const file = join(dir, name);
    await writeFile(file, text);
    const run = spawnSync(process.execPath, [script, file, ...args], { encoding: 'utf8' });
    return { status: run.status, out: run.stdout + run.stderr };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'poolkeeper-audit-chain-'));
    postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'external-postgres') });
    local = await startLocalApi({
      databaseUrl: postgres.servingUrl,
      databaseMigrationUrl: postgres.migrationUrl,
      demoUsers: 3,
    });
    const page = await local.call('admin', 'GET', `/api/pools/${local.pool}/users?limit=3`);
    for (const user of page.body!.items as { username: string }[]) {
      await local.call('admin', 'POST', `/api/pools/${local.pool}/users/${user.username}/disable`, {
        reason: 'quarterly review, "quoted", with a comma',
      });
      await local.call('support', 'POST', `/api/pools/${local.pool}/users/${user.username}/enable`, {});
    }
  }, 120_000);

  afterAll(async () => {
    await local?.close();
    await postgres?.stop().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the head and verifies the chain (auditor); support may not', async () => {
    const head = await local.call('auditor', 'GET', '/api/audit-events/head');
    expect(head.status).toBe(200);
    expect(head.body!.head).toEqual({
      sequence: '12',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: expect.any(String),
    });
    const verify = await local.call('auditor', 'GET', '/api/audit-events/verify');
    expect(verify.body).toEqual({ ok: true, count: 12, head: head.body!.head });
    expect((await local.call('support', 'GET', '/api/audit-events/verify')).status).toBe(403);
    expect((await local.call('support', 'GET', '/api/audit-events/export')).status).toBe(403);
  });

  it('names the edited event when the superuser changes a row', async () => {
    const [row] = await runSql<{ id: string }>(
      postgres.url,
      'SELECT id FROM audit_events WHERE sequence = 5',
    );
    await runSql(
      postgres.url,
      `SET session_replication_role = replica; UPDATE audit_events SET reason = 'x' WHERE sequence = 5`,
    );
    try {
      expect((await local.call('auditor', 'GET', '/api/audit-events/verify')).body).toEqual({
        ok: false,
        brokenAt: { sequence: '5', id: row!.id },
        reason: expect.stringMatching(/content/),
        count: 4,
      });
    } finally {
      await runSql(
        postgres.url,
        `SET session_replication_role = replica;
         UPDATE audit_events SET reason = 'quarterly review, "quoted", with a comma' WHERE sequence = 5`,
      );
    }
    expect((await local.call('auditor', 'GET', '/api/audit-events/verify')).body).toMatchObject({ ok: true });
  });

  it.each(['ndjson', 'csv'])(
    'exports %s that the offline script verifies alone, and audits the export',
    async (format) => {
      const res = await local.call('auditor', 'GET', `/api/audit-events/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(
        format === 'csv' ? /^text\/csv/ : /^application\/x-ndjson/,
      );
      const ok = await offline(`all.${format}`, res.text);
      expect(ok).toEqual({ status: 0, out: expect.stringMatching(/^OK: \d+ events/) });
      // the export was recorded: attempt, then outcome with what it wrote
      const list = await local.call('auditor', 'GET', '/api/audit-events?action=audit.export&limit=2');
      const [outcome, attempt] = list.body!.items;
      expect(attempt).toMatchObject({
        outcome: 'attempted',
        actor: { username: 'auditor' },
        request: { format },
      });
      expect(outcome).toMatchObject({
        outcome: 'succeeded',
        correlationId: attempt.correlationId,
        request: { format, exported: { count: expect.any(Number), firstSequence: '1' } },
      });
      // one changed character and the script names the event
      const tampered = res.text.replace('quarterly review', 'quarterly revieW');
      expect(await offline(`tampered.${format}`, tampered)).toEqual({
        status: 1,
        out: expect.stringMatching(/^BROKEN at sequence 1 /),
      });
    },
  );

  it('exports a filtered range: contiguous runs verify on their own, gaps are reported', async () => {
    const res = await local.call('auditor', 'GET', '/api/audit-events/export?format=ndjson&actor=support');
    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((e) => e.actor.username === 'support')).toBe(true);
    const check = await offline('support.ndjson', res.text);
    expect(check.status).toBe(0);
    expect(check.out).toMatch(/gaps between runs/);
  });

  it('rejects an unknown format with a 400', async () => {
    const res = await local.call('auditor', 'GET', '/api/audit-events/export?format=xml');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

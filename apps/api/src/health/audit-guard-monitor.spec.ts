import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { FakeAuditStore } from '../test-support/fake-audit-store';
import { AuditGuardMonitor } from './audit-guard-monitor';

function monitorWithLog() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const store = new FakeAuditStore();
  return { store, lines, monitor: new AuditGuardMonitor(store, logger) };
}

const weak = {
  role: 'poolkeeper',
  enforced: false,
  weaknesses: ['owns audit_events (or is a member of its owner): may disable or drop its triggers'],
};

describe('AuditGuardMonitor', () => {
  it("says enforced for a plain serving role and logs it once at debug (a newcomer's npm start stays quiet)", async () => {
    const { monitor, lines } = monitorWithLog();
    await monitor.onApplicationBootstrap();
    expect(await monitor.current()).toBe('enforced');
    expect(lines.map((l) => [l['level'], l['msg']])).toEqual([[20, 'audit log append-only guard enforced']]);
  });

  it('logs a weak guard at error level with the role, the reasons and the fix, once', async () => {
    const { monitor, store, lines } = monitorWithLog();
    store.guard = weak;
    await monitor.onApplicationBootstrap();
    expect(await monitor.current()).toBe('weak');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      auditGuard: 'weak',
      role: 'poolkeeper',
      weaknesses: weak.weaknesses,
    });
    expect(lines[0]!['msg']).toMatch(
      /role "poolkeeper" can get round its append-only triggers \(owns audit_events/,
    );
    expect(lines[0]!['msg']).toMatch(/DATABASE_MIGRATION_URL/);
  });

  it('logs again when the role of a running API becomes weak (a grant added by hand)', async () => {
    const { monitor, store, lines } = monitorWithLog();
    await monitor.onApplicationBootstrap();
    store.guard = weak;
    expect(await monitor.current()).toBe('weak');
    expect(lines.map((l) => l['level'])).toEqual([20, 50]);
  });

  it('keeps the last known state while the database is down, and is weak when it never knew', async () => {
    const known = monitorWithLog();
    await known.monitor.onApplicationBootstrap();
    known.store.up = false;
    expect(await known.monitor.current()).toBe('enforced');

    const never = monitorWithLog();
    never.store.up = false;
    await never.monitor.onApplicationBootstrap();
    expect(await never.monitor.current()).toBe('weak');
    expect(never.lines.map((l) => [l['level'], l['msg']])).toEqual([
      [40, 'audit guard could not be checked'],
    ]);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type CognitoReads, type CognitoWrites, operationKinds } from '@poolkeeper/cognito-gateway';
import { AppModule } from '../app/app.module';
import { COGNITO_READS } from '../app/tokens';
import { changesNothing, routeInventory } from '../auth/route-inventory';
import { createLogger } from '../logging/logger';
import { FakeAuditStore } from '../test-support/fake-audit-store';
import { fillPath, mutationSamples, readOnlySamples } from '../test-support/mutation-samples';
import { POOL, type TestApp, startTestApp } from '../test-support/test-app';
import { systemCaller } from './audit-caller';
import { UnauditedChangeError } from './audit-scope';
import { AUDITED_GATEWAY, AuditService } from './audit.service';

const writeMethods = new Set(
  Object.values(operationKinds()).flatMap((ops) =>
    Object.entries(ops)
      .filter(([, kind]) => kind === 'write')
      .map(([name]) => name),
  ),
);

describe('no Cognito change without an audit attempt', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  /** A pool holding alice only, no calls, no audit rows. */
  function reset() {
    t.gateway.users.set(POOL, []);
    t.gateway.addUsers(POOL, [
      { username: 'alice', attributes: { email: 'alice@example.com', nickname: 'al' } },
    ]);
    t.gateway.calls.length = 0;
    t.store.events = [];
    t.store.failRecords = false;
  }
  beforeEach(reset);

  const writesSoFar = () => t.gateway.calls.filter((c) => writeMethods.has(c.method));

  it('every mutating route records its attempt before its first Cognito write (over the route inventory)', async () => {
    const mutating = routeInventory(t.app).filter((r) => !changesNothing(r));
    expect(mutating.length).toBeGreaterThanOrEqual(8);
    const unsampled = mutating.map((r) => `${r.method} ${r.path}`).filter((k) => !(k in mutationSamples));
    expect(unsampled).toEqual([]);
    const record = t.store.record.bind(t.store);
    const writesAtAttempt: number[] = [];
    t.store.record = async (input) => {
      if (input.outcome === 'attempted') writesAtAttempt.push(writesSoFar().length);
      return record(input);
    };
    try {
      for (const route of mutating) {
        const key = `${route.method} ${route.path}`;
        reset();
        const status = mutationSamples[key]?.aliceStatus;
        if (status) t.gateway.users.get(POOL)![0]!.status = status;
        writesAtAttempt.length = 0;
        const res = await t.call(
          route.method,
          `/api${fillPath(route.path, { poolId: POOL, username: 'alice', groupName: 'staff' })}`,
          {
            token: t.token(['admin']),
            ...(mutationSamples[key]!.body !== undefined ? { body: mutationSamples[key]!.body } : {}),
          },
        );
        const outcome = {
          key,
          ok: res.status < 300,
          attempts: writesAtAttempt,
          writes: writesSoFar().length > 0,
          outcomes: t.store.events.map((e) => e.outcome),
        };
        expect(outcome).toEqual({
          key,
          ok: true,
          attempts: [0],
          writes: true,
          outcomes: ['attempted', 'succeeded'],
        });
      }
    } finally {
      t.store.record = record;
    }
  });

  it('a non-GET route that declares a read permission changes nothing and audits nothing', async () => {
    const reads = routeInventory(t.app).filter((r) => r.method !== 'GET' && changesNothing(r));
    const keys = reads.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !(k in readOnlySamples))).toEqual([]);
    expect(Object.keys(readOnlySamples).filter((k) => !keys.includes(k))).toEqual([]);
    for (const route of reads) {
      const key = `${route.method} ${route.path}`;
      reset();
      const res = await t.call(
        route.method,
        `/api${fillPath(route.path, { poolId: POOL, username: 'alice' })}`,
        {
          token: t.token(['admin']),
          ...(readOnlySamples[key]!.body !== undefined ? { body: readOnlySamples[key]!.body } : {}),
        },
      );
      expect({
        key,
        status: res.status,
        writes: writesSoFar().length,
        events: t.store.events.length,
      }).toEqual({
        key,
        status: 200,
        writes: 0,
        events: 0,
      });
    }
  });

  it('services get the reads only: no write method is there to be called', () => {
    const reads = t.app.get<CognitoReads>(COGNITO_READS);
    for (const [port, ops] of Object.entries(operationKinds())) {
      const view = reads[port as keyof CognitoReads] as Record<string, unknown>;
      for (const [name, kind] of Object.entries(ops)) {
        expect({ method: `${port}.${name}`, present: name in view }).toEqual({
          method: `${port}.${name}`,
          present: kind === 'read',
        });
      }
    }
  });

  it('a provider outside the audit module cannot be given the gateway with its writes', async () => {
    @Injectable()
    class SneakyService {
      constructor(@Inject(AUDITED_GATEWAY) readonly gateway: unknown) {}
    }
    @Module({ providers: [SneakyService] })
    class SneakyModule {}
    const values = {
      config: t.config,
      auditStore: new FakeAuditStore(),
      gateway: t.gateway.gateway,
      logger: createLogger('silent'),
      ownsGateway: false,
    };
    await expect(
      Test.createTestingModule({ imports: [AppModule.forRoot(values), SneakyModule] }).compile(),
    ).rejects.toThrow(/SneakyService/);
  });

  it('writes kept past the end of their audit scope are refused before reaching Cognito', async () => {
    const audit = t.app.get(AuditService);
    let kept: CognitoWrites | null = null;
    await audit.run(
      systemCaller('test'),
      { action: 'user.disable', poolId: POOL, targets: [{ type: 'user', id: 'alice' }], request: {} },
      async (cognito) => {
        kept = cognito;
      },
    );
    t.gateway.calls.length = 0;
    await expect(kept!.users.disableUser(POOL, 'alice')).rejects.toBeInstanceOf(UnauditedChangeError);
    expect(t.gateway.calls).toEqual([]);
    expect(t.gateway.users.get(POOL)![0]!.enabled).toBe(true);
  });

  it('a system caller (a job, the reconciler) is recorded as such, with every target', async () => {
    const audit = t.app.get(AuditService);
    await audit.run(
      systemCaller('reconciler', 'run-7'),
      {
        action: 'user.disable',
        poolId: POOL,
        targets: [
          { type: 'user', id: 'alice' },
          { type: 'group', id: 'staff' },
        ],
        request: {},
        reason: 'reconcile',
      },
      (cognito) => cognito.users.disableUser(POOL, 'alice'),
    );
    expect(t.store.events.map((e) => e.outcome)).toEqual(['attempted', 'succeeded']);
    expect(t.store.events[0]).toMatchObject({
      actor: { kind: 'system', sub: 'system:reconciler', username: 'reconciler', ip: null, userAgent: null },
      targets: [
        { type: 'user', id: 'alice' },
        { type: 'group', id: 'staff' },
      ],
      requestId: 'run-7',
    });
    expect(t.store.events[1]!.awsRequestId).toMatch(/^req-/);
  });
});

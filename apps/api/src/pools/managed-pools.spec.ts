import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RequirePermission } from '../auth/access.decorators';
import { type RouteEntry, routeInventory } from '../auth/route-inventory';
import { fillPath, mutationSamples } from '../test-support/mutation-samples';
import { OTHER_POOL, type TestApp, startTestApp } from '../test-support/test-app';
import { POOL_PARAM } from './managed-pool.guard';

/** Routes that name a user pool some other way than `:poolId` (so ManagedPoolGuard would not see it). */
function poolScopeProblems(routes: RouteEntry[]): string[] {
  return routes
    .filter((r) => /^\/pools\/:/.test(r.path) && !r.path.startsWith(`/pools/:${POOL_PARAM}`))
    .map((r) => `${r.method} ${r.path}`);
}

describe('managed pools only: one guard on every pools/:poolId/** route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const poolRoutes = () => routeInventory(t.app).filter((r) => r.path.includes(`:${POOL_PARAM}`));

  it('every pool-scoped route names its pool :poolId', () => {
    expect(poolRoutes().length).toBeGreaterThanOrEqual(10);
    expect(poolScopeProblems(routeInventory(t.app))).toEqual([]);
  });

  it('detects a pool-scoped route that names its pool otherwise', async () => {
    @Controller('pools/:id/things')
    class LeakyController {
      @Get()
      @RequirePermission('pools.read')
      list(@Param('id') id: string) {
        return id;
      }
    }
    @Module({ controllers: [LeakyController] })
    class LeakyModule {}
    const moduleRef = await Test.createTestingModule({ imports: [LeakyModule] }).compile();
    expect(poolScopeProblems(routeInventory(moduleRef))).toEqual(['GET /pools/:id/things']);
    await moduleRef.close();
  });

  it.each([
    ['an unmanaged pool', OTHER_POOL, 404, 'POOL_NOT_FOUND'],
    ['a malformed pool id', 'not-a-pool', 400, 'VALIDATION_FAILED'],
  ] as const)(
    'on %s (%s), every pool route answers %i %s and Cognito is never called',
    async (_what, pool, status, code) => {
      for (const route of poolRoutes()) {
        t.gateway.calls.length = 0;
        t.store.events = [];
        const key = `${route.method} ${route.path}`;
        const body = mutationSamples[key]?.body;
        const res = await t.call(
          route.method,
          `/api${fillPath(route.path, { poolId: pool, username: 'alice' })}`,
          {
            token: t.token(['admin']),
            ...(body !== undefined ? { body } : {}),
          },
        );
        const json = (await res.json()) as { code?: string; details?: Array<{ field: string }> };
        expect({ key, status: res.status, code: json.code }).toEqual({ key, status, code });
        if (status === 400) expect(json.details?.[0]?.field).toBe('poolId');
        expect({ key, calls: t.gateway.calls, audit: t.store.events }).toEqual({ key, calls: [], audit: [] });
      }
    },
  );

  it('without a token the answer is 401 first, whatever the pool', async () => {
    const res = await t.call('GET', `/api/pools/${OTHER_POOL}/users`);
    expect(res.status).toBe(401);
  });
});

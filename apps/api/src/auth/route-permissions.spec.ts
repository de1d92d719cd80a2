import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type TestApp, startTestApp } from '../test-support/test-app';
import { Public } from './access.decorators';
import { routeInventory } from './route-inventory';

describe('every route declares its access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes and none lacks @RequirePermission / @Public / @Authenticated', () => {
    const routes = routeInventory(t.app);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const undeclared = routes
      .filter((r) => r.access === null)
      .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('the only public routes are health and auth config', () => {
    const open = routeInventory(t.app)
      .filter((r) => r.access?.kind === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open).toEqual(['GET /auth/config', 'GET /health']);
  });

  it('detects a route that declares nothing', async () => {
    @Controller('leaky')
    class LeakyController {
      @Get()
      leak() {
        return 'oops';
      }
      @Get('fine')
      @Public()
      fine() {
        return 'ok';
      }
    }
    @Module({ controllers: [LeakyController] })
    class LeakyModule {}
    const moduleRef = await Test.createTestingModule({ imports: [LeakyModule] }).compile();
    const undeclared = routeInventory(moduleRef).filter((r) => r.access === null);
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /leaky']);
    await moduleRef.close();
  });
});

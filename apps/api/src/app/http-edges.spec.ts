import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type TestApp, startTestApp } from '../test-support/test-app';

describe('HTTP edges', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('every API answer carries Cache-Control: no-store (authenticated, public and errors)', async () => {
    for (const [path, token] of [
      ['/api/me', t.token(['admin'])],
      ['/api/pools', t.token(['admin'])],
      ['/api/health', undefined],
      ['/api/nothing', t.token(['admin'])],
    ] as const) {
      const res = await t.call('GET', path, token ? { token } : {});
      expect({ path, cache: res.headers.get('cache-control') }).toEqual({ path, cache: 'no-store' });
    }
  });

  it('unknown /api paths and methods answer JSON 404 ROUTE_NOT_FOUND, never HTML', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['GET', '/api'],
      ['DELETE', '/api/me'],
      ['OPTIONS', '/api/pools'],
      ['POST', '/api/health/deeper'],
    ] as const) {
      const res = await t.call(method, path, { token: t.token(['admin']) });
      const text = await res.text();
      expect({ method, path, status: res.status, type: res.headers.get('content-type') }).toEqual({
        method,
        path,
        status: 404,
        type: expect.stringMatching(/^application\/json/),
      });
      expect(JSON.parse(text)).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
  });

  it('oversized headers get a JSON 431, not Node’s bare status line', async () => {
    const url = new URL(t.url);
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/me',
          headers: { authorization: `Bearer ${'x'.repeat(20_000)}` },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'REQUEST_HEADERS_TOO_LARGE' });
  });
});

import fs from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type TestApp, startTestApp } from '../test-support/test-app';

describe('console serving, security headers, CORS', () => {
  let dir: string;
  let t: TestApp;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-console-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>poolkeeper</title>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'assets', 'app-abc123.js'), 'console.log(2)');
    await writeFile(join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync('console.log(2)'));
    await writeFile(join(dir, 'assets', 'app-abc123.js.gz'), gzipSync('console.log(2)'));
    await writeFile(join(dir, '.secret.txt'), 'not for the web');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp((c) => ({
      ...c,
      http: { ...c.http, consoleDist: dir, consoleOrigins: ['http://localhost:5173'] },
    }));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves static files and falls back to index.html for client routes', async () => {
    expect(await (await t.call('GET', '/assets/app.js')).text()).toBe('console.log(1)');
    const spa = await t.call('GET', '/pools/us-east-1_X/users/alice');
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<title>poolkeeper</title>');
  });

  it('sends a hashed asset precompressed as accepted, cached for a year and immutable', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    const br = await t.call('GET', '/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('cache-control')).toBe(immutable);
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await br.text()).toBe('console.log(2)'); // fetch decodes it
    const gzip = await t.call('GET', '/assets/app-abc123.js', {
      headers: { 'accept-encoding': 'gzip, br;q=0' },
    });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe('console.log(2)');
    const plain = await t.call('GET', '/assets/app.js', { headers: { 'accept-encoding': 'br' } });
    expect(plain.headers.get('content-encoding')).toBeNull(); // nothing precompressed: sent as it is
    expect(plain.headers.get('cache-control')).toBe(immutable);
  });

  it('serves index.html with no-cache, the favicon as an image, and 404 for missing files', async () => {
    expect((await t.call('GET', '/')).headers.get('cache-control')).toBe('no-cache');
    const icon = await t.call('GET', '/favicon.svg');
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await t.call('GET', '/favicon.ico')).status).toBe(404);
    expect((await t.call('GET', '/assets/missing-1.js')).status).toBe(404);
    expect((await t.call('GET', '/assets/..%2findex.html')).status).toBe(404);
    expect((await t.call('GET', '/.secret.txt')).status).toBe(404); // dotfiles are never served
    expect((await t.call('GET', '/..%2f..%2fetc%2fpasswd.txt')).status).toBe(404);
  });

  it('keeps /api JSON: unknown API routes are 404 ROUTE_NOT_FOUND, not index.html', async () => {
    const res = await t.call('GET', '/api/unknown/thing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    // A doubled slash is still the API, never the console's HTML.
    const doubled = await t.call('GET', '//api/unknown/thing');
    expect(doubled.status).toBe(404);
    expect(doubled.headers.get('content-type')).toMatch(/^application\/json/);
    expect(doubled.headers.get('cache-control')).toBe('no-store');
  });

  it('never looks at the disk for an /api request (issue 10: the static middleware stat-ed every one)', async () => {
    const stat = jest.spyOn(fs, 'stat');
    const statSync = jest.spyOn(fs, 'statSync');
    try {
      for (const path of ['/api/health', '/api/auth/config', '/api/unknown/thing.js'])
        expect((await t.call('GET', path)).headers.get('content-type')).toMatch(/^application\/json/);
      const inConsoleDir = [...stat.mock.calls, ...statSync.mock.calls].filter(([file]) =>
        String(file).startsWith(dir),
      );
      expect(inConsoleDir).toEqual([]);
      // the console's own files still come from the disk
      const icon = await t.call('GET', '/favicon.svg');
      expect(icon.status).toBe(200);
      expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(
        [...stat.mock.calls, ...statSync.mock.calls].some(([file]) => String(file).startsWith(dir)),
      ).toBe(true);
    } finally {
      stat.mockRestore();
      statSync.mockRestore();
    }
  });

  it('sends a CSP that allows the Cognito endpoint in use and MUI inline styles', async () => {
    const csp = (await t.call('GET', '/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${t.tokens.endpoint}`);
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('allows CORS only for CONSOLE_ORIGINS', async () => {
    const ok = await t.call('GET', '/api/health', { headers: { origin: 'http://localhost:5173' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await t.call('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the OpenAPI JSON and Swagger UI', async () => {
    const doc = (await (await t.call('GET', '/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, { get?: { 'x-permission'?: string } }>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/pools']!.get!['x-permission']).toBe('pools.read');
    expect((await t.call('GET', '/api/docs')).status).toBe(200);
  });

  it('replaces an insane x-request-id', async () => {
    const res = await t.call('GET', '/api/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

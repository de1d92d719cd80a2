import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { OPENAPI_FILE, renderOpenApiDocument } from './document-app';

const REGENERATE = 'npm run openapi';

describe('committed OpenAPI document', () => {
  it(`${OPENAPI_FILE} matches the code (regenerate: ${REGENERATE})`, async () => {
    const generated = await renderOpenApiDocument();
    const file = resolve(OPENAPI_FILE);
    const updating =
      (expect.getState() as { snapshotState?: { _updateSnapshot?: string } }).snapshotState
        ?._updateSnapshot === 'all';
    if (updating) await writeFile(file, generated);
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed !== generated) {
      throw new Error(
        `${OPENAPI_FILE} is out of date with the code. Regenerate it with:\n  ${REGENERATE}\nand commit the result.`,
      );
    }
  });

  it('documents every route with its bodies and responses', async () => {
    const doc = JSON.parse(await renderOpenApiDocument()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/me',
        '/api/auth/config',
        '/api/pools',
        '/api/pools/{poolId}/users',
        '/api/pools/{poolId}/users/{username}/password',
        '/api/audit-events',
      ]),
    );
    expect(doc.paths['/api/pools/{poolId}/users']!.post!.requestBody).toBeDefined();
    expect(doc.paths['/api/pools/{poolId}/users']!.post!.responses['201']).toBeDefined();
  });

  it('names its request and response schemas, so generated clients get real type names', async () => {
    const doc = JSON.parse(await renderOpenApiDocument()) as {
      paths: Record<string, Record<string, { requestBody?: any; responses: Record<string, any> }>>; // eslint-disable-line @typescript-eslint/no-explicit-any
      components: { schemas: Record<string, unknown> };
    };
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const body = (path: string, method: string) =>
      doc.paths[path]![method]!.requestBody?.content['application/json'].schema;
    const ok = (path: string, method: string, status = '200') =>
      doc.paths[path]![method]!.responses[status].content['application/json'].schema;
    const users = '/api/pools/{poolId}/users';
    expect(body(users, 'post')).toEqual(ref('CreateUserBody'));
    expect(ok(users, 'post', '201')).toEqual(ref('CreatedUser'));
    expect(ok(users, 'get')).toEqual(ref('UserPage'));
    expect(body(`${users}/{username}`, 'patch')).toEqual(ref('UpdateUserBody'));
    expect(body(`${users}/{username}/password`, 'post')).toEqual(ref('SetPasswordBody'));
    expect(ok('/api/audit-events', 'get')).toEqual(ref('AuditEventPage'));
    expect(ok('/api/pools', 'get')).toEqual(ref('PoolPage'));
    expect(ok('/api/me', 'get')).toEqual(ref('Me'));
    expect(doc.paths[users]!.get!.responses['404'].content['application/json'].schema).toEqual(
      ref('ErrorBody'),
    );
    for (const name of [
      'UserSummary',
      'AuditEvent',
      'AuditTarget',
      'AuditActor',
      'PoolSummary',
      'ErrorBody',
    ]) {
      expect(doc.components.schemas[name]).toBeDefined();
    }
  });
});

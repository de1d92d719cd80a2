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
});

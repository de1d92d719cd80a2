import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { precompressDir } from './precompress.mjs';

describe('precompressDir', () => {
  let dir: string;
  const script = 'export const text = "' + 'poolkeeper '.repeat(500) + '";\n';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-precompress-'));
    await writeFile(join(dir, 'index-abc.js'), script);
    await writeFile(join(dir, 'index-abc.js.map'), '{"version":3}');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('writes a brotli and a gzip copy that decode to the file, smaller than it; maps are left alone', async () => {
    const totals = precompressDir(dir);
    expect(brotliDecompressSync(await readFile(join(dir, 'index-abc.js.br'))).toString()).toBe(script);
    expect(gunzipSync(await readFile(join(dir, 'index-abc.js.gz'))).toString()).toBe(script);
    expect(totals).toMatchObject({ files: 1, raw: script.length });
    expect(totals.brotli).toBeLessThan(totals.gzip);
    expect(totals.gzip).toBeLessThan(totals.raw);
    expect(existsSync(join(dir, 'index-abc.js.map.br'))).toBe(false);
  });
});

// Precompresses the console's hashed assets after the Vite build: `<file>.br` (brotli, quality 11) and
// `<file>.gz` (gzip, level 9) beside each text file, with node:zlib. The API sends the one a browser accepts
// (apps/api/src/console-static/precompressed-assets.ts), so nothing is compressed per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = /\.(?:js|mjs|css|svg|json|html)$/;

/** Writes the `.br` and `.gz` of every compressible file in `dir`; returns the byte totals. */
export function precompressDir(dir) {
  const totals = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || !compressible.test(name)) continue;
    const raw = readFileSync(path);
    const gzip = gzipSync(raw, { level: 9 });
    const brotli = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    writeFileSync(`${path}.gz`, gzip);
    writeFileSync(`${path}.br`, brotli);
    totals.files += 1;
    totals.raw += raw.length;
    totals.gzip += gzip.length;
    totals.brotli += brotli.length;
  }
  return totals;
}

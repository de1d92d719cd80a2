#!/usr/bin/env node
// Measurement of the audit log: append throughput with the chain (8 writers), filtered page p50/p95 with EXPLAIN's
// scans, export rate and peak RSS, verify time per million events (tools/bench/audit-bench.ts). Prints figures.
// Usage: node tools/bench/audit.mjs [--rows 1000000] [--appends 4000] [--runs 40]
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBundleOptions } from '../build/node-bundle.mjs';
import { swcDecorators } from '../build/swc-plugin.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = join(root, 'dist', 'tools', 'bench-audit.mjs');
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'tools/bench/audit-bench.ts')],
  outfile,
  ...nodeBundleOptions,
  plugins: [swcDecorators(root)],
});
const { main } = await import(pathToFileURL(outfile).href);
let code = 2;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  console.error('bench audit: could not run:', error);
}
process.exit(code);

#!/usr/bin/env node
// `npm run audit:reconcile`: bundles tools/audit/reconcile-cli.ts (the API's reconciler and configuration) into
// dist/tools with the build's esbuild + swc setup, then runs one pass. See reconcile-cli.ts.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBundleOptions } from '../build/node-bundle.mjs';
import { swcDecorators } from '../build/swc-plugin.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = join(root, 'dist', 'tools', 'audit-reconcile.mjs');
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'tools/audit/reconcile-cli.ts')],
  outfile,
  ...nodeBundleOptions,
  plugins: [swcDecorators(root)],
});
const { main } = await import(pathToFileURL(outfile).href);
let code = 2;
try {
  code = await main(process.env);
} catch (error) {
  console.error('audit:reconcile: could not run:', error);
}
process.exit(code);

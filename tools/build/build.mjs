#!/usr/bin/env node
// Builds what `npm start` runs: the server bundles (esbuild, with swc for decorator metadata) and the
// console (Vite). Each part is skipped when its output is newer than every input, so a second start is quick.
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime, outputMtime } from './freshness.mjs';
import { nodeBundleOptions } from './node-bundle.mjs';
import { precompressDir } from './precompress.mjs';
import { swcDecorators } from './swc-plugin.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const serverInputs = [
  'apps/api/src',
  'libs',
  'tools/stack/src',
  'prisma',
  'tsconfig.base.json',
  'package-lock.json',
];
const consoleInputs = [
  'apps/console',
  'libs/contract/src',
  'package-lock.json',
  'tools/build/build.mjs',
  'tools/build/precompress.mjs',
];

const entries = {
  'stack/start': 'tools/stack/src/start.ts',
  'api/main': 'apps/api/src/main.ts',
  'emulator/cli': 'libs/cognito-emulator/src/cli.ts',
};

export async function buildServer({ force = false } = {}) {
  const stamp = join(dist, 'stack', '.built');
  if (!force && outputMtime(stamp) > newestMtime(root, serverInputs)) return false;
  await esbuild({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([out, src]) => [out, join(root, src)])),
    outdir: dist,
    ...nodeBundleOptions,
    splitting: true,
    sourcemap: true,
    outExtension: { '.js': '.js' },
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [swcDecorators(root)],
  });
  mkdirSync(join(dist, 'stack'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

export async function buildConsole({ force = false } = {}) {
  const index = join(dist, 'console', 'index.html');
  if (!force && outputMtime(index) > newestMtime(root, consoleInputs)) return false;
  const { build } = await import('vite');
  await build({ configFile: join(root, 'apps/console/vite.config.ts'), logLevel: 'warn' });
  // Served as they are by the API, with Content-Encoding (apps/api/src/console-static).
  precompressDir(join(dist, 'console', 'assets'));
  return true;
}

export async function buildAll(opts = {}) {
  const started = Date.now();
  const server = await buildServer(opts);
  const console_ = existsSync(join(root, 'apps/console/vite.config.ts')) ? await buildConsole(opts) : false;
  return { server, console: console_, ms: Date.now() - started };
}

// `node tools/build/build.mjs [server|console] [--force]`: the Nx targets tools:build (server) and
// console:build (console) pass --force, since Nx's cache, not file times, decides whether they run.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const parts = args.filter((a) => a !== '--force');
  const unknown = parts.filter((p) => p !== 'server' && p !== 'console');
  if (unknown.length) {
    console.error(`unknown part ${unknown.join(', ')}: build.mjs [server|console] [--force]`);
    process.exit(2);
  }
  const started = Date.now();
  const wanted = parts.length ? parts : ['server', 'console'];
  const server = wanted.includes('server') && (await buildServer({ force }));
  const console_ = wanted.includes('console') && (await buildConsole({ force }));
  const what = [server && 'server', console_ && 'console'].filter(Boolean);
  const ms = Date.now() - started;
  console.log(what.length ? `built ${what.join(' and ')} in ${ms} ms` : 'build is up to date');
}

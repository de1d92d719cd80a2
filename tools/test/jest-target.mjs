#!/usr/bin/env node
// One Jest tier for one Nx project: `node tools/test/jest-target.mjs <unit|integration> <project> <root>
// [--node=24]`. The tier's specs under the project's root run with the root jest.config.js; the result JSON
// (an Nx output, so a cached run still reports its counts) goes to dist/test-results/<project>/<target>.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBinary, shadowedNodeProblem } from './node-runtime.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [tier, project, projectRoot, ...rest] = process.argv.slice(2);
if (!['unit', 'integration'].includes(tier ?? '') || !project || !projectRoot) {
  console.error('usage: jest-target.mjs <unit|integration> <project> <projectRoot> [--node=24] [jest args]');
  process.exit(2);
}
const nodeFlag = rest.find((a) => a.startsWith('--node='));
const jestArgs = rest.filter((a) => a !== nodeFlag);
const major = nodeFlag ? Number(nodeFlag.slice('--node='.length)) : undefined;
const shadowed = shadowedNodeProblem();
if (shadowed && major === undefined) {
  console.error(shadowed);
  process.exit(1);
}

const target = major === undefined ? tier : `${tier}-node${major}`;
const resultFile = join(root, 'dist', 'test-results', project, `${target}.json`);
rmSync(resultFile, { force: true });
mkdirSync(join(resultFile, '..'), { recursive: true });

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const projectDir = resolve(root, projectRoot);
// The root project (".") has no specs of its own: every spec lives in a project folder.
const pattern = projectDir === resolve(root) ? '^$' : `^${escapeRegExp(projectDir)}/`;

const node = nodeBinary(major);
const run = spawnSync(
  node,
  [
    '--experimental-vm-modules',
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--selectProjects',
    tier,
    '--testPathPatterns',
    pattern,
    '--passWithNoTests',
    '--json',
    `--outputFile=${resultFile}`,
    ...jestArgs,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (run.error) console.error(`could not start ${node}: ${run.error.message}`);
process.exit(run.status ?? 1);

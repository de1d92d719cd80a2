#!/usr/bin/env node
// Lint one Nx project (the `lint` target): Prettier's check and ESLint with Nx module boundaries over the
// project's folder. `node tools/test/lint.mjs .` lints the files at the root that no other project owns.
// The boundary rule reads Nx's project graph, which Nx has computed when it runs this target; run alone
// (no argument: every project), the graph is computed first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const run = (bin, args) =>
  spawnSync(process.execPath, [join(root, 'node_modules', bin), ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  }).status ?? 1;

const skipped = new Set(['node_modules', 'dist', '.nx', '.git', '.poolkeeper', 'coverage', 'test-results']);

/** Folders (relative to the root) holding a project.json, the root excluded. */
export function nestedProjectRoots(dir = root) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (existsSync(join(path, 'project.json'))) found.push(relative(root, path));
    found.push(...nestedProjectRoots(path));
  }
  return found;
}

/** What to lint for a project root: its folder, or for the root project the entries no other project holds. */
function lintTargets(projectRoot) {
  const target = relative(root, resolve(root, projectRoot));
  if (target) return [target];
  const nested = nestedProjectRoots();
  return readdirSync(root)
    .filter((name) => !skipped.has(name))
    .filter((name) => !nested.some((n) => n === name || n.startsWith(`${name}/`)));
}

function lintProject(projectRoot) {
  const targets = lintTargets(projectRoot);
  const format = run('prettier/bin/prettier.cjs', [
    '--check',
    '--log-level=warn',
    '--ignore-unknown',
    '--ignore-path=.gitignore',
    '--ignore-path=.prettierignore',
    ...targets,
  ]);
  if (format !== 0) console.error(`Formatting differs in ${projectRoot}: run \`npm run format\`.`);
  const lint = run('eslint/bin/eslint.js', [
    '--max-warnings=0',
    '--no-warn-ignored',
    '--no-error-on-unmatched-pattern',
    ...targets,
  ]);
  return format || lint;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const projectRoot = process.argv[2];
  if (projectRoot === undefined) {
    const nx = spawnSync(
      process.execPath,
      [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'lint'],
      {
        cwd: root,
        stdio: 'inherit',
        env,
      },
    );
    process.exit(nx.status ?? 1);
  }
  process.exit(lintProject(projectRoot));
}

#!/usr/bin/env node
// Each project's tsconfig.json is a composite TypeScript project (`tsc -b`, the Nx `typecheck` target):
// declarations go to dist/out-tsc/<project root>, and a project that imports another reads that one's
// declarations instead of type-checking its sources again. `references` must list the projects it imports
// (tsc refuses files of an unreferenced project); they are derived from Nx's project graph, which Nx builds
// from the imports. `node tools/build/tsconfig-references.mjs` rewrites every project tsconfig.json;
// tools/build/tsconfig-references.spec.ts fails when one differs. noEmitOnError: a failed check writes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './tsconfig.mjs';

/** What `<projectRoot>/tsconfig.json` must say, given the roots of the projects it depends on. */
export function projectTsconfig(projectRoot, dependencyRoots) {
  const up = relative(join(repoRoot, projectRoot), repoRoot).split('\\').join('/');
  const out = `${up}/dist/out-tsc/${projectRoot}`;
  return {
    extends: `${up}/tsconfig.base.json`,
    compilerOptions: {
      composite: true,
      noEmit: false,
      emitDeclarationOnly: true,
      noEmitOnError: true,
      rootDir: '.',
      outDir: out,
      tsBuildInfoFile: `${out}/.tsbuildinfo`,
    },
    include: ['**/*.ts', '**/*.tsx'],
    references: [...dependencyRoots].sort().map((root) => ({
      path: relative(join(repoRoot, projectRoot), join(repoRoot, root)).split('\\').join('/'),
    })),
  };
}

/** `{ [projectRoot]: tsconfig }` for every project but the root one, from the Nx project graph. */
export function expectedTsconfigs(graph) {
  const typed = (name) => {
    const node = graph.nodes[name];
    return node && node.data.root !== '.' && existsSync(join(repoRoot, node.data.root, 'tsconfig.json'));
  };
  const result = {};
  for (const [name, node] of Object.entries(graph.nodes)) {
    if (!typed(name)) continue;
    const deps = (graph.dependencies[name] ?? [])
      .filter((d) => d.type !== 'implicit' && d.target !== name && typed(d.target))
      .map((d) => graph.nodes[d.target].data.root);
    result[node.data.root] = projectTsconfig(node.data.root, new Set(deps));
  }
  return result;
}

export async function projectGraph() {
  const { createProjectGraphAsync } = await import('@nx/devkit');
  return createProjectGraphAsync({ exitOnError: false });
}

export function readTsconfig(projectRoot) {
  return JSON.parse(readFileSync(join(repoRoot, projectRoot, 'tsconfig.json'), 'utf8'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.env.NX_DAEMON ??= 'false';
  const expected = expectedTsconfigs(await projectGraph());
  for (const [root, tsconfig] of Object.entries(expected)) {
    writeFileSync(join(repoRoot, root, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    console.log(
      `${root}/tsconfig.json: references ${tsconfig.references.map((r) => r.path).join(', ') || '(none)'}`,
    );
  }
  process.exit(0);
}

// Workspace path aliases (`@poolkeeper/contract` → libs/contract/src/index.ts) are declared once, in
// tsconfig.base.json `compilerOptions.paths`; Jest, the build's esbuild plugin and Vite derive theirs here.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { baseCompilerOptions, repoRoot } from './tsconfig.mjs';

/** `[{ name, file }]`, `file` absolute. Only exact aliases (no `*`), one target each. */
export function workspaceAliases(root = repoRoot) {
  const options = baseCompilerOptions(root);
  const base = resolve(root, typeof options.baseUrl === 'string' ? options.baseUrl : '.');
  return Object.entries(options.paths ?? {}).map(([name, targets]) => {
    if (name.includes('*') || !Array.isArray(targets) || targets.length !== 1 || targets[0].includes('*')) {
      throw new Error(
        `tsconfig.base.json paths["${name}"]: only exact aliases with one target are supported ` +
          `(tools/build/workspace-aliases.mjs derives Jest, esbuild and Vite aliases from them)`,
      );
    }
    const file = resolve(base, targets[0]);
    if (!existsSync(file)) throw new Error(`tsconfig.base.json paths["${name}"]: ${file} does not exist`);
    return { name, file };
  });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Jest `moduleNameMapper` entries, relative to `<rootDir>` (the repository root). */
export function jestModuleNameMapper(root = repoRoot) {
  return Object.fromEntries(
    workspaceAliases(root).map(({ name, file }) => [
      `^${escapeRegExp(name)}$`,
      `<rootDir>/${relative(root, file).split('\\').join('/')}`,
    ]),
  );
}

/** Vite `resolve.alias` entries: exact matches only, like tsconfig's. */
export function viteAliases(root = repoRoot) {
  return workspaceAliases(root).map(({ name, file }) => ({
    find: new RegExp(`^${escapeRegExp(name)}$`),
    replacement: file,
  }));
}

/** `{ [alias]: absolute file }` for the esbuild resolver in tools/build/swc-plugin.mjs. */
export function aliasMap(root = repoRoot) {
  return Object.fromEntries(workspaceAliases(root).map(({ name, file }) => [name, file]));
}

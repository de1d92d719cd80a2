import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin, PluginBuild } from 'esbuild';
import { swcDecorators } from './swc-plugin.mjs';
import { repoRoot } from './tsconfig.mjs';
import { jestModuleNameMapper, viteAliases, workspaceAliases } from './workspace-aliases.mjs';

const aliases = workspaceAliases();
// the configurations as their tools load them (dynamic: neither is part of this project's TypeScript program)
const jestConfig = ((await import(join(repoRoot, 'jest.config.js'))) as { default: unknown }).default;
const viteConfig = ((await import(join(repoRoot, 'apps/console/vite.config.ts'))) as { default: unknown })
  .default;

/** Resolves `specifier` with the build's esbuild plugin, as esbuild would call it. */
function resolveWithBuildPlugin(plugin: Plugin, specifier: string): string | undefined {
  type Resolver = (args: { path: string }) => { path?: string; errors?: unknown[] } | undefined;
  const resolvers: { filter: RegExp; fn: Resolver }[] = [];
  const fakeBuild = {
    onResolve: (options: { filter: RegExp }, fn: Resolver) => resolvers.push({ filter: options.filter, fn }),
    onLoad: () => undefined,
  } as unknown as PluginBuild;
  void plugin.setup(fakeBuild);
  for (const { filter, fn } of resolvers) {
    if (!filter.test(specifier)) continue;
    const result = fn({ path: specifier });
    if (result) return result.path;
  }
  return undefined;
}

/** What a Jest moduleNameMapper turns `specifier` into (first matching entry, as Jest does). */
function mapWithJest(mapper: Record<string, string>, specifier: string): string | undefined {
  for (const [pattern, target] of Object.entries(mapper)) {
    const match = new RegExp(pattern).exec(specifier);
    if (match) return target.replace('<rootDir>', repoRoot.replace(/\/$/, '')).replace('$1', match[1] ?? '');
  }
  return undefined;
}

function mapWithVite(entries: { find: string | RegExp; replacement: string }[], specifier: string) {
  const entry = entries.find((e) =>
    typeof e.find === 'string' ? e.find === specifier : e.find.test(specifier),
  );
  return entry ? specifier.replace(entry.find, entry.replacement) : undefined;
}

describe('workspace path aliases are declared once (tsconfig.base.json paths)', () => {
  it('name an existing file each, and every library has one', () => {
    expect(aliases.length).toBeGreaterThan(0);
    for (const { file } of aliases) expect(existsSync(file)).toBe(true);
    const libs = readdirSync(join(repoRoot, 'libs')).filter((name) =>
      existsSync(join(repoRoot, 'libs', name, 'src', 'index.ts')),
    );
    for (const lib of libs) {
      expect(aliases.map((a) => a.name)).toContain(`@poolkeeper/${lib}`);
    }
  });

  it.each(aliases.map((a) => [a.name, a.file]))('Jest maps %s to its file in every project', (name, file) => {
    const projects = (
      jestConfig as { projects: { displayName: string; moduleNameMapper: Record<string, string> }[] }
    ).projects;
    for (const project of projects)
      expect([project.displayName, mapWithJest(project.moduleNameMapper, name)]).toEqual([
        project.displayName,
        file,
      ]);
  });

  it.each(aliases.map((a) => [a.name, a.file]))('the build resolves %s to its file', (name, file) => {
    expect(resolveWithBuildPlugin(swcDecorators(repoRoot), name)).toBe(file);
  });

  it.each(aliases.map((a) => [a.name, a.file]))('Vite resolves %s to its file', (name, file) => {
    const alias = (viteConfig as { resolve?: { alias?: unknown } }).resolve?.alias;
    expect(Array.isArray(alias)).toBe(true);
    expect(mapWithVite(alias as { find: RegExp; replacement: string }[], name)).toBe(file);
  });

  it('are exact: a deeper import path is not rewritten', () => {
    const [first] = aliases;
    expect(mapWithJest(jestModuleNameMapper(), `${first?.name}/deep`)).toBeUndefined();
    expect(mapWithVite(viteAliases(), `${first?.name}/deep`)).toBeUndefined();
  });

  it('a new alias in tsconfig reaches every derived list', async () => {
    const root = await mkdtemp(join(tmpdir(), 'poolkeeper-aliases-'));
    try {
      await mkdir(join(root, 'libs', 'extra', 'src'), { recursive: true });
      await writeFile(join(root, 'libs', 'extra', 'src', 'index.ts'), 'export {};\n');
      const paths = { '@poolkeeper/extra': ['./libs/extra/src/index.ts'] };
      await writeFile(join(root, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { paths } }));
      const file = join(root, 'libs', 'extra', 'src', 'index.ts');
      expect(jestModuleNameMapper(root)).toEqual({
        '^@poolkeeper\\/extra$': '<rootDir>/libs/extra/src/index.ts',
      });
      expect(mapWithVite(viteAliases(root), '@poolkeeper/extra')).toBe(file);
      expect(resolveWithBuildPlugin(swcDecorators(root), '@poolkeeper/extra')).toBe(file);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses wildcard aliases and missing files rather than deriving them wrongly', async () => {
    const root = await mkdtemp(join(tmpdir(), 'poolkeeper-aliases-'));
    try {
      const write = (paths: object) =>
        writeFile(join(root, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { paths } }));
      await write({ '@poolkeeper/*': ['./libs/*/src/index.ts'] });
      expect(() => workspaceAliases(root)).toThrow(/only exact aliases/);
      await write({ '@poolkeeper/missing': ['./libs/missing/src/index.ts'] });
      expect(() => workspaceAliases(root)).toThrow(/does not exist/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

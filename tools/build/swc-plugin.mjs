import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import swc from '@swc/core';
import { swcOptions } from './swc-options.mjs';
import { aliasMap } from './workspace-aliases.mjs';

/**
 * esbuild cannot emit decorator metadata, which NestJS dependency injection needs; swc can. This plugin
 * compiles the project's own .ts files with swc (the options Jest uses too: tools/build/swc-options.mjs) and
 * lets esbuild bundle them. Workspace libraries are resolved from their source through the aliases in
 * tsconfig.base.json; every other package stays external (installed by npm ci).
 */
export function swcDecorators(root) {
  const libs = aliasMap(root);
  return {
    name: 'swc-decorators',
    setup(build) {
      build.onResolve({ filter: /^@poolkeeper\// }, (args) => {
        const target = libs[args.path];
        if (!target)
          return { errors: [{ text: `unknown workspace library ${args.path} (tsconfig.base.json paths)` }] };
        return { path: target };
      });
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@poolkeeper/')) return undefined;
        return { path: args.path, external: true };
      });
      // `./x.js` in TypeScript sources (Prisma's generated client) means `./x.ts`
      build.onResolve({ filter: /^\.{1,2}\/.*\.js$/ }, (args) => {
        const ts = join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        return existsSync(ts) ? { path: ts } : undefined;
      });
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const source = await readFile(args.path, 'utf8');
        const out = await swc.transform(source, {
          ...swcOptions({ tsx: args.path.endsWith('.tsx') }, root),
          filename: args.path,
        });
        return { contents: out.code, loader: 'js', resolveDir: join(args.path, '..') };
      });
    },
  };
}

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import swc from '@swc/core';

/**
 * esbuild cannot emit decorator metadata, which NestJS dependency injection needs; swc can. This plugin
 * compiles the project's own .ts files with swc and lets esbuild bundle them. Workspace libraries are
 * resolved from their source; every other package stays external (installed by npm ci).
 */
export function swcDecorators(root) {
  const libs = {
    '@poolkeeper/contract': 'libs/contract/src/index.ts',
    '@poolkeeper/cognito-gateway': 'libs/cognito-gateway/src/index.ts',
    '@poolkeeper/cognito-emulator': 'libs/cognito-emulator/src/index.ts',
    '@poolkeeper/persistence': 'libs/persistence/src/index.ts',
    '@poolkeeper/api': 'apps/api/src/index.ts',
  };
  return {
    name: 'swc-decorators',
    setup(build) {
      build.onResolve({ filter: /^@poolkeeper\// }, (args) => {
        const target = libs[args.path];
        if (!target) return { errors: [{ text: `unknown workspace library ${args.path}` }] };
        return { path: join(root, target) };
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
          filename: args.path,
          sourceMaps: 'inline',
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', tsx: args.path.endsWith('.tsx'), decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            keepClassNames: true,
          },
          module: { type: 'es6' },
        });
        return { contents: out.code, loader: 'js', resolveDir: join(args.path, '..') };
      });
    },
  };
}

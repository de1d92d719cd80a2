// The one swc configuration for TypeScript: the build (tools/build/swc-plugin.mjs) and Jest (jest.config.js)
// both use it, so tests run the code as it ships. Settings tsconfig decides are read from tsconfig.base.json.
import { baseCompilerOptions, repoRoot } from './tsconfig.mjs';

const modernTargets = ['es2022', 'es2023', 'es2024', 'esnext'];
const jsxRuntimes = { 'react-jsx': 'automatic', react: 'classic' };

/** swc options for a `.ts` (`tsx: false`) or `.tsx` (`tsx: true`) file. */
export function swcOptions({ tsx }, root = repoRoot) {
  const ts = baseCompilerOptions(root);
  const target = String(ts.target ?? 'es2023').toLowerCase();
  const decorators = ts.experimentalDecorators === true;
  const runtime = jsxRuntimes[String(ts.jsx ?? 'react-jsx')];
  if (!runtime)
    throw new Error(`tsconfig.base.json jsx "${ts.jsx}": swc-options.mjs knows ${Object.keys(jsxRuntimes)}`);
  return {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      target,
      parser: { syntax: 'typescript', tsx, decorators },
      transform: {
        legacyDecorator: decorators,
        decoratorMetadata: ts.emitDecoratorMetadata === true,
        // tsc's default when unset: true from target ES2022 on
        useDefineForClassFields:
          typeof ts.useDefineForClassFields === 'boolean'
            ? ts.useDefineForClassFields
            : modernTargets.includes(target),
        react: { runtime },
      },
      keepClassNames: true,
    },
    module: { type: 'es6' },
  };
}

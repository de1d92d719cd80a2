// Reads the workspace TypeScript settings (tsconfig.base.json) for the tools that compile without tsc:
// swc in the build and in Jest, Vite's aliases. tsconfig is the one place these facts are declared.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `compilerOptions` of `<root>/tsconfig.base.json`, which must be plain JSON (no comments, no `extends`). */
export function baseCompilerOptions(root = repoRoot) {
  const file = join(root, 'tsconfig.base.json');
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: must be plain JSON (tools/build/tsconfig.mjs reads it): ${error.message}`);
  }
  if (parsed.extends) throw new Error(`${file}: "extends" is not supported by tools/build/tsconfig.mjs`);
  return parsed.compilerOptions ?? {};
}

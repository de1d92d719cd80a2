import { describe, expect, it } from '@jest/globals';
import { expectedTsconfigs, projectGraph, projectTsconfig, readTsconfig } from './tsconfig-references.mjs';

describe('project tsconfig.json files (composite, for tsc -b)', () => {
  it('reference exactly the projects each one imports (Nx project graph)', async () => {
    const expected = expectedTsconfigs(await projectGraph());
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    for (const [root, tsconfig] of Object.entries(expected)) {
      // on a difference: node tools/build/tsconfig-references.mjs
      expect({ root, tsconfig: readTsconfig(root) }).toEqual({ root, tsconfig });
    }
  }, 60_000);

  it('put declarations under dist/out-tsc/<project root> and point references at folders', () => {
    expect(projectTsconfig('apps/api', ['libs/contract', 'libs/persistence'])).toMatchObject({
      extends: '../../tsconfig.base.json',
      compilerOptions: { composite: true, outDir: '../../dist/out-tsc/apps/api', rootDir: '.' },
      references: [{ path: '../../libs/contract' }, { path: '../../libs/persistence' }],
    });
    expect(projectTsconfig('tools', []).compilerOptions['outDir']).toBe('../dist/out-tsc/tools');
  });
});

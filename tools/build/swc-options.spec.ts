import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { swcDecorators } from './swc-plugin.mjs';
import { swcOptions } from './swc-options.mjs';
import { repoRoot } from './tsconfig.mjs';

/**
 * tsconfig says `useDefineForClassFields: false`: a field declared without an initialiser is not
 * re-defined after `super()`, so a value the base constructor set survives. With define semantics it
 * would be reset to `undefined`. The probe runs here (compiled by Jest) and through the build.
 */
const probeSource = `
export class Base {
  constructor() {
    this.init();
  }
  init(): void {}
}
export class Probe extends Base {
  value?: string;
  override init(): void {
    this.value = 'set by the base constructor';
  }
}
export const probeValue = new Probe().value;
`;

class Base {
  constructor() {
    this.init();
  }
  init(): void {}
}
class Probe extends Base {
  value?: string;
  override init(): void {
    this.value = 'set by the base constructor';
  }
}

async function valueThroughTheBuild(): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'poolkeeper-swc-probe-'));
  try {
    const entry = join(dir, 'probe.ts');
    await writeFile(entry, probeSource);
    const outfile = join(dir, 'probe.mjs');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      plugins: [swcDecorators(repoRoot)],
    });
    const module = (await import(pathToFileURL(outfile).href)) as { probeValue: unknown };
    return module.probeValue;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const jestConfig = ((await import(join(repoRoot, 'jest.config.js'))) as { default: unknown }).default;

type JestProject = { displayName: string; transform: Record<string, [string, unknown]> };

describe('Jest compiles TypeScript as the build does', () => {
  it('keeps class fields as tsconfig says (useDefineForClassFields: false) in this spec', () => {
    expect(new Probe().value).toBe('set by the base constructor');
  });

  it('keeps class fields the same way in the build', async () => {
    expect(await valueThroughTheBuild()).toBe('set by the base constructor');
  });

  it('gives every Jest project exactly the shared swc options', () => {
    const projects = (jestConfig as { projects: JestProject[] }).projects;
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) {
      const transforms = Object.entries(project.transform);
      expect(transforms).toHaveLength(2);
      for (const [pattern, [transformer, options]] of transforms) {
        expect(transformer).toBe('@swc/jest');
        const tsx = new RegExp(pattern).test('x.tsx');
        expect(options).toEqual(swcOptions({ tsx }));
        expect(new RegExp(pattern).test(tsx ? 'x.ts' : 'x.tsx')).toBe(false);
      }
    }
  });
});

describe('swcOptions derives from tsconfig.base.json', () => {
  async function withTsconfig(compilerOptions: object, check: (root: string) => void): Promise<void> {
    const root = await mkdtemp(join(tmpdir(), 'poolkeeper-tsconfig-'));
    try {
      await writeFile(join(root, 'tsconfig.base.json'), JSON.stringify({ compilerOptions }));
      check(root);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  it('reads the repository settings', () => {
    const options = swcOptions({ tsx: false });
    expect(options.jsc?.transform?.useDefineForClassFields).toBe(false);
    expect(options.jsc?.transform?.legacyDecorator).toBe(true);
    expect(options.jsc?.transform?.decoratorMetadata).toBe(true);
    expect(options.jsc?.target).toBe('es2023');
    expect(swcOptions({ tsx: true }).jsc?.parser).toMatchObject({ syntax: 'typescript', tsx: true });
  });

  it('follows a change of tsconfig', async () => {
    await withTsconfig(
      { target: 'ES2022', experimentalDecorators: false, useDefineForClassFields: true },
      (root) => {
        const options = swcOptions({ tsx: false }, root);
        expect(options.jsc?.target).toBe('es2022');
        expect(options.jsc?.transform?.useDefineForClassFields).toBe(true);
        expect(options.jsc?.transform?.legacyDecorator).toBe(false);
        expect(options.jsc?.transform?.decoratorMetadata).toBe(false);
      },
    );
  });

  it("uses tsc's default for class fields when tsconfig leaves it unset", async () => {
    await withTsconfig({ target: 'ES2023' }, (root) =>
      expect(swcOptions({ tsx: false }, root).jsc?.transform?.useDefineForClassFields).toBe(true),
    );
    await withTsconfig({ target: 'ES2020' }, (root) =>
      expect(swcOptions({ tsx: false }, root).jsc?.transform?.useDefineForClassFields).toBe(false),
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../build/tsconfig.mjs';
import { countsOf } from './test-results.mjs';

const skipped = new Set(['node_modules', 'dist', '.nx', '.git', '.poolkeeper', 'coverage']);

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, found);
    else found.push(relative(repoRoot, path));
  }
  return found;
}

const files = walk(repoRoot);
const projects = files
  .filter((f) => f.endsWith('project.json') && (f === 'project.json' || f.endsWith('/project.json')))
  .map((f) => {
    const root = f === 'project.json' ? '' : f.slice(0, -'/project.json'.length);
    const json = JSON.parse(readFileSync(join(repoRoot, f), 'utf8')) as { targets?: object };
    return { root, targets: Object.keys(json.targets ?? {}) };
  });

/** The project owning a file: the one with the deepest root containing it (Nx's rule). */
function owner(file: string) {
  return projects
    .filter((p) => p.root === '' || file.startsWith(`${p.root}/`))
    .sort((a, b) => b.root.length - a.root.length)[0];
}

describe('every spec runs in some Nx target', () => {
  it.each([
    ['.spec.ts', 'unit'],
    ['.int-spec.ts', 'integration'],
  ])('each *%s file belongs to a project with a %s target (and its -node24 twin)', (suffix, target) => {
    const specs = files.filter((f) => f.endsWith(suffix) && !f.startsWith('apps/console-e2e/'));
    expect(specs.length).toBeGreaterThan(0);
    const uncovered = specs.filter((f) => {
      const targets = owner(f)?.targets ?? [];
      return !targets.includes(target) || !targets.includes(`${target}-node24`);
    });
    expect(uncovered).toEqual([]);
  });

  it('the browser specs have the e2e target', () => {
    expect(existsSync(join(repoRoot, 'apps/console-e2e/project.json'))).toBe(true);
    expect(owner('apps/console-e2e/src/x.spec.ts')?.targets).toContain('e2e');
  });
});

describe('test result files', () => {
  it('count Jest results, runtime errors as failures', () => {
    expect(
      countsOf({
        numTotalTests: 5,
        numPassedTests: 3,
        numFailedTests: 1,
        numRuntimeErrorTestSuites: 1,
        numPendingTests: 1,
      }),
    ).toEqual({ passed: 3, failed: 2, skipped: 1 });
  });
  it('count Playwright results, flaky as failures', () => {
    expect(countsOf({ stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 2 } })).toEqual({
      passed: 4,
      failed: 2,
      skipped: 2,
    });
  });
  it('ignore other JSON', () => {
    expect(countsOf({ something: 1 })).toBeNull();
  });
});

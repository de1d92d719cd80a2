// Reads the result files the test targets write (and Nx restores from its cache):
// dist/test-results/<project>/<target>.json, Jest's --json format or Playwright's JSON reporter.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const tierOrder = ['unit', 'integration', 'e2e', 'unit-node24', 'integration-node24'];

/** Counts of one result file, or null when it is not a result file we know. */
export function countsOf(result) {
  if (result && typeof result.numTotalTests === 'number') {
    return {
      passed: result.numPassedTests,
      failed: result.numFailedTests + result.numRuntimeErrorTestSuites,
      skipped: result.numPendingTests + (result.numTodoTests ?? 0),
    };
  }
  if (result && result.stats && typeof result.stats.expected === 'number') {
    return {
      passed: result.stats.expected,
      failed: result.stats.unexpected + result.stats.flaky,
      skipped: result.stats.skipped,
    };
  }
  return null;
}

/** `{ [tier]: { passed, failed, skipped } }` summed over projects, tiers in a fixed order. */
export function readTierCounts(resultsDir) {
  const tiers = {};
  if (!existsSync(resultsDir)) return tiers;
  for (const project of readdirSync(resultsDir, { withFileTypes: true })) {
    if (!project.isDirectory()) continue;
    for (const file of readdirSync(join(resultsDir, project.name))) {
      if (!file.endsWith('.json')) continue;
      const tier = file.slice(0, -'.json'.length);
      let counts = null;
      try {
        counts = countsOf(JSON.parse(readFileSync(join(resultsDir, project.name, file), 'utf8')));
      } catch {
        counts = { passed: 0, failed: 1, skipped: 0 }; // unreadable: count it as a failure, never as a pass
      }
      if (!counts) continue;
      const sum = (tiers[tier] ??= { passed: 0, failed: 0, skipped: 0 });
      sum.passed += counts.passed;
      sum.failed += counts.failed;
      sum.skipped += counts.skipped;
    }
  }
  const rank = (t) => (tierOrder.includes(t) ? tierOrder.indexOf(t) : tierOrder.length);
  return Object.fromEntries(Object.entries(tiers).sort(([a], [b]) => rank(a) - rank(b)));
}

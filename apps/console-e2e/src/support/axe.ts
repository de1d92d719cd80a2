import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA rules: what the console is held to. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core on the page as it is now; fails listing every serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const nodes = serious.reduce((sum, v) => sum + v.nodes.length, 0);
  // One line per screen, so a run can be compared with another (the issue note quotes these counts).
  console.log(`axe ${screen}: ${nodes} serious/critical (${serious.map((v) => v.id).join(', ') || 'none'})`);
  const report = serious.flatMap((v) =>
    v.nodes.map((n) => `${v.impact} ${v.id}: ${n.html.slice(0, 160)} — ${n.failureSummary ?? v.help}`),
  );
  // Soft: the spec goes on to the next screen, so one run reports every screen.
  expect.soft(report, `${screen}: serious or critical axe violations`).toEqual([]);
}

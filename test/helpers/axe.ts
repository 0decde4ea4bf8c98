import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options?: RunOptions): Promise<AxeResults> };
  }
}

/**
 * Runs axe-core on a rendered element, shadow roots included, and fails with a readable list of every violation.
 * WCAG 2.1 A/AA rules plus best practices, as BITV 2.0 asks.
 */
export async function expectAccessible(element: Element, options: RunOptions = {}): Promise<void> {
  const results = await window.axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    ...options,
  });
  const problems = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary}`).join('\n'),
  );
  if (problems.length) throw new Error(`axe-core found ${problems.length} violation(s):\n${problems.join('\n')}`);
}

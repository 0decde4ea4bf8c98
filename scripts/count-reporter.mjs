// A web-test-runner reporter that writes how many tests passed, failed and were skipped, so `npm test` can end
// with one plain `N passed, N failed` line (the runner's own summary sits inside a progress line).
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.erroredFiles++;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}

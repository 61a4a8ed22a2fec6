/** The part of Vitest's JSON report (Jest's format) that the summary line needs. */
export interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[];
}

/** Counts for the closing line. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Turns a report into counts. A test file that failed before running any test (a syntax
 * error, a failing import or setup) counts as one failure, so it can never pass silently;
 * so does a missing report or a Vitest that failed without saying why.
 */
export function summarize(report: VitestJsonReport | undefined, exitCode: number): TestCounts {
  if (report === undefined) return { passed: 0, failed: 1, skipped: 0 };
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  const failed = report.numFailedTests + brokenFiles;
  return {
    passed: report.numPassedTests,
    failed: failed === 0 && exitCode !== 0 ? 1 : failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

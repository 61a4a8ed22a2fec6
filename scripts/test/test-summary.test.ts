import { describe, expect, it } from 'vitest';
import { summarize, type VitestJsonReport } from '../dev/test-summary.js';

function report(overrides: Partial<VitestJsonReport>): VitestJsonReport {
  return { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [], ...overrides };
}

describe('the closing line of npm test', () => {
  it('counts passed, failed and skipped tests', () => {
    expect(summarize(report({ numPassedTests: 7, numFailedTests: 2, numPendingTests: 1, numTodoTests: 1 }), 1)).toEqual(
      {
        passed: 7,
        failed: 2,
        skipped: 2,
      },
    );
  });

  it('counts a test file that broke before running any test as a failure', () => {
    const broken = { name: 'api/test/x.test.ts', status: 'failed', assertionResults: [] };
    expect(summarize(report({ numPassedTests: 3, testResults: [broken] }), 1).failed).toBe(1);
  });

  it('never reports success when Vitest failed without a failing test, or wrote no report', () => {
    expect(summarize(report({ numPassedTests: 3 }), 1).failed).toBe(1);
    expect(summarize(undefined, 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});

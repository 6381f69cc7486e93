import type { Reporter, TestModule } from 'vitest/node';
import { describeLeaks, LOG_CAPTURE_ENV, scanCapturedLogs } from './log-leaks.ts';

/** Prints one plain closing line, "N passed, N failed", that CI tooling reads in any language. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const test of m.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
    }
    // The run's captured log lines must hold no tokens, e-mail addresses or phone numbers (test/support/log-leaks.ts).
    const leaks = scanCapturedLogs(process.env[LOG_CAPTURE_ENV]);
    console.log(`\n${describeLeaks(leaks).join('\n')}`);
    if (leaks.findings.length > 0) {
      failed++;
      process.exitCode = 1;
    }
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}

import { defaultReporter } from '@web/test-runner';
import type { Reporter, TestSession, TestSuiteResult } from '@web/test-runner';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function count(suite: TestSuiteResult | undefined, into: Counts): void {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) into.skipped += 1;
    else if (test.passed) into.passed += 1;
    else into.failed += 1;
  }
  for (const child of suite.suites) count(child, into);
}

/**
 * The default reporter, then one plain closing line `browser: N passed, N failed, N skipped`.
 * When anything failed it names the livekit-server log file. A test file that fails to load counts
 * as one failure.
 */
export function summaryReporter(logFile: () => string | undefined): Reporter[] {
  const summary: Reporter = {
    onTestRunFinished({ sessions }: { sessions: TestSession[] }) {
      const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      const log = logFile();
      if (counts.failed > 0 && log) console.log(`livekit-server log: ${log}`);
      console.log(
        `browser: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
      );
    },
  };
  return [defaultReporter(), summary];
}

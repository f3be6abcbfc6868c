import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import type { Reporter, TestSession, TestSuiteResult } from '@web/test-runner';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per failure: file, test path and the first line of its error. */
  failures: string[];
}

function count(
  file: string,
  suite: TestSuiteResult | undefined,
  path: string[],
  into: Counts,
): void {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) into.skipped += 1;
    else if (test.passed) into.passed += 1;
    else {
      into.failed += 1;
      const message = (test.error?.message ?? 'failed').split('\n')[0];
      into.failures.push(`${file} > ${[...path, test.name].join(' > ')}: ${message}`);
    }
  }
  for (const child of suite.suites) count(file, child, [...path, child.name], into);
}

/**
 * The default reporter, then a plain closing summary: each failed test on one line (file, test
 * path, first line of the error; the default reporter prints them amid long browser logs, which a
 * truncated CI log loses), the livekit-server log file when anything failed, and
 * `browser: N passed, N failed, N skipped`. A test file that fails to load counts as one failure.
 */
export function summaryReporter(logFile: () => string | undefined): Reporter[] {
  const summary: Reporter = {
    onTestRunFinished({ sessions }: { sessions: TestSession[] }) {
      const counts: Counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        count(file, session.testResults, [], counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          counts.failed += 1;
          counts.failures.push(`${file}: ${session.errors?.[0]?.message.split('\n')[0]}`);
        }
      }
      for (const line of counts.failures) console.log(`FAILED ${line}`);
      const log = logFile();
      if (counts.failed > 0 && log) console.log(`livekit-server log: ${log}`);
      console.log(
        `browser: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
      );
    },
  };
  return [defaultReporter(), summary];
}

import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import type { Reporter, TestSession, TestSuiteResult } from '@web/test-runner';
import { CHECKS_NOT_IN, FILES_NOT_IN, TESTS_NOT_IN, type Engine } from '../engines.js';

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
 * `browser: N passed, N failed, N skipped`; then that line per engine (the browser's name, e.g.
 * `chromium:`, `webkit:`) with what test/engines.ts leaves out for it. A test file that fails to
 * load counts as one failure.
 */
export function summaryReporter(logFile: () => string | undefined): Reporter[] {
  const summary: Reporter = {
    onTestRunFinished({ sessions }: { sessions: TestSession[] }) {
      const perEngine = new Map<string, Counts>();
      const engines = new Set(sessions.map((s) => s.browser.name.toLowerCase()));
      for (const session of sessions) {
        const engine = session.browser.name.toLowerCase();
        const counts = perEngine.get(engine) ?? { passed: 0, failed: 0, skipped: 0, failures: [] };
        perEngine.set(engine, counts);
        // The engine named in a failure when more than one ran.
        const file = `${engines.size > 1 ? `${engine}: ` : ''}${relative(process.cwd(), session.testFile)}`;
        count(file, session.testResults, [], counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          counts.failed += 1;
          counts.failures.push(`${file}: ${session.errors?.[0]?.message.split('\n')[0]}`);
        }
      }
      const all = [...perEngine.values()];
      const sum = (key: 'passed' | 'failed' | 'skipped') => all.reduce((n, c) => n + c[key], 0);
      for (const line of all.flatMap((c) => c.failures)) console.log(`FAILED ${line}`);
      const log = logFile();
      if (sum('failed') > 0 && log) console.log(`livekit-server log: ${log}`);
      console.log(
        `browser: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`,
      );
      for (const [engine, c] of perEngine) {
        const left = leftOut(engine);
        console.log(
          `${engine}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` +
            (left ? `; not run in ${engine} (test/engines.ts): ${left}` : ''),
        );
      }
    },
  };
  return [defaultReporter(), summary];
}

/** What test/engines.ts leaves out for an engine, e.g. `1 path, 5 tests, 1 check`; '' when nothing. */
function leftOut(engine: string): string {
  const files = Object.keys(FILES_NOT_IN[engine as Engine] ?? {}).length;
  const tests = Object.keys(TESTS_NOT_IN[engine as Engine] ?? {}).length;
  const checks = Object.keys(CHECKS_NOT_IN[engine as Engine] ?? {}).length;
  const n = (count: number, what: string) =>
    count ? `${count} ${what}${count > 1 ? 's' : ''}` : '';
  return [n(files, 'path'), n(tests, 'test'), n(checks, 'check')].filter(Boolean).join(', ');
}

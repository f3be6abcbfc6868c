import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import type { Reporter, TestSession, TestSuiteResult } from '@web/test-runner';
import { FILES_NOT_IN, type Engine } from '../engines.js';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per failure: file, test path and the first line of its error. */
  failures: string[];
  /** One line per test not run in this engine (skipped by `itIn`): file, test path. */
  notRun: string[];
}

function count(
  file: string,
  suite: TestSuiteResult | undefined,
  path: string[],
  into: Counts,
): void {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) {
      into.skipped += 1;
      into.notRun.push(`${file} > ${[...path, test.name].join(' > ')}`);
    } else if (test.passed) into.passed += 1;
    else {
      into.failed += 1;
      const message = (test.error?.message ?? 'failed').split('\n')[0];
      into.failures.push(`${file} > ${[...path, test.name].join(' > ')}: ${message}`);
    }
  }
  for (const child of suite.suites) count(file, child, [...path, child.name], into);
}

/**
 * The default reporter, then a plain closing summary: each failed test on one line (engine, file,
 * test path, first line of the error; the default reporter prints them amid long browser logs,
 * which a truncated CI log loses), each test an engine did not run with its reason
 * (test/engines.ts), the livekit-server log file when anything failed, and per engine
 * `<engine>: N passed, N failed, N skipped`. A test file that fails to load counts as one failure.
 */
export function summaryReporter(logFile: () => string | undefined): Reporter[] {
  const summary: Reporter = {
    onTestRunFinished({ sessions }: { sessions: TestSession[] }) {
      const byEngine = new Map<string, Counts>();
      for (const session of sessions) {
        const engine = session.browser.name.toLowerCase();
        let counts = byEngine.get(engine);
        if (!counts) {
          counts = { passed: 0, failed: 0, skipped: 0, failures: [], notRun: [] };
          byEngine.set(engine, counts);
        }
        const file = relative(process.cwd(), session.testFile);
        count(file, session.testResults, [], counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          counts.failed += 1;
          counts.failures.push(`${file}: ${session.errors?.[0]?.message.split('\n')[0]}`);
        }
      }
      const engines = [...byEngine.keys()].sort();
      for (const engine of engines) {
        for (const line of byEngine.get(engine)!.failures)
          console.log(`FAILED [${engine}] ${line}`);
      }
      for (const engine of engines) {
        for (const line of byEngine.get(engine)!.notRun) console.log(`NOT RUN [${engine}] ${line}`);
        const files = Object.entries(FILES_NOT_IN[engine as Engine] ?? {});
        for (const [file, reason] of files) console.log(`NOT RUN [${engine}] ${file}: ${reason}`);
      }
      const log = logFile();
      const failed = engines.some((engine) => byEngine.get(engine)!.failed > 0);
      if (failed && log) console.log(`livekit-server log: ${log}`);
      for (const engine of engines) {
        const { passed, failed, skipped } = byEngine.get(engine)!;
        console.log(`${engine}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
      }
    },
  };
  return [defaultReporter(), summary];
}

/**
 * What runs in which browser engine: the one list of tests that an engine cannot run, each with
 * the engine's reason. Read by the test-runner config (whole files).
 *
 * WebKit (Debian's WebKitGTK, built without WebRTC) runs only the tests on scripted rooms:
 * test/components, test/store and test/internal (dev/webkit.ts). The files below are the ones of
 * those it still cannot run.
 */

export type Engine = 'chromium' | 'webkit';

/** Whole test files an engine cannot run: path → reason. */
export const FILES_NOT_IN: Record<Engine, Record<string, string>> = {
  chromium: {},
  webkit: {},
};

/** The files `engine` leaves out. */
export function filesNotIn(engine: Engine): string[] {
  return Object.keys(FILES_NOT_IN[engine]);
}

/**
 * What runs in which browser engine: the one list of tests that an engine cannot run, each with
 * the engine's reason. Read by the test-runner config (whole files), by `itIn` (single tests) and
 * by the summary reporter, which prints what each engine left out, so nothing is left out silently.
 *
 * WebKit (Debian's WebKitGTK, built without WebRTC) runs only the tests on scripted rooms:
 * test/components, test/store and test/internal (dev/webkit.ts). What it cannot run of those is
 * listed here. Nothing here touches the page at import time (the config imports it in Node).
 */

export type Engine = 'chromium' | 'webkit';

/** Whole test files an engine cannot run: path → reason. */
export const FILES_NOT_IN: Record<Engine, Record<string, string>> = {
  chromium: {},
  webkit: {
    'test/components/media-call-desktop.test.ts':
      'sets the viewport (1440×900, 1280×720), which WebDriver cannot (no setViewport for it)',
    'test/components/pre-join.test.ts':
      'WebKitGTK with mock capture devices under Xvfb hangs its web process now and then while ' +
      'previewing camera and microphone (6 of 18 runs of this file here): the page stops, so no test ' +
      'timeout fires and the run waits for testsFinishTimeout',
  },
};

const NO_MEDIA_EMULATION =
  'prefers-reduced-motion and prefers-color-scheme cannot be emulated over WebDriver (no emulateMedia)';

/** Single tests (by their title) an engine cannot run: title → reason. */
export const TESTS_NOT_IN: Record<Engine, Record<string, string>> = {
  chromium: {},
  webkit: {
    'moves nothing with prefers-reduced-motion: reduce': NO_MEDIA_EMULATION,
    'stops moving bars one by one under reduced motion, yet shows the level': NO_MEDIA_EMULATION,
    'with reduced motion, a reaction fades in place instead of rising': NO_MEDIA_EMULATION,
    'auto follows the system setting': NO_MEDIA_EMULATION,
    'audiooutput without setSinkId says so instead of listing devices':
      'WebKitGTK lists no audio outputs and has no setSinkId: there is no speaker list to come back to',
  },
};

/** The files `engine` leaves out. */
export function filesNotIn(engine: Engine): string[] {
  return Object.keys(FILES_NOT_IN[engine]);
}

/** The engine of the page the test runs in (read when asked, in the browser). */
export function currentEngine(): Engine {
  const agent = navigator.userAgent;
  return /Chrome|Chromium/.test(agent) || !/AppleWebKit/.test(agent) ? 'chromium' : 'webkit';
}

/**
 * `it`, unless TESTS_NOT_IN says the current engine cannot run the test: then it is not
 * defined there (the summary reporter lists it with its reason).
 */
export function itIn(title: string, fn: (this: Mocha.Context) => Promise<void>): void {
  if (TESTS_NOT_IN[currentEngine()][title]) return;
  it(title, fn);
}

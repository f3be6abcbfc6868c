/**
 * What runs in which browser engine: the one list of tests that an engine cannot run, each with
 * the engine's reason. Read by the test-runner config (whole files), by `itIn` (single tests, which
 * are then not defined in that engine) and by the summary reporter, which prints what each engine
 * left out, so nothing is left out silently.
 *
 * Firefox (Debian's firefox-esr over WebDriver BiDi, dev/firefox.ts) runs every test file, the
 * integration tests against the SFU included. WebKit (Debian's WebKitGTK, built without WebRTC)
 * runs only the tests on scripted rooms: test/components, test/store and test/internal
 * (dev/webkit.ts). Nothing here touches the page at import time (the config imports it in Node).
 */

export type Engine = 'chromium' | 'firefox' | 'webkit';

const NO_VIDEO_PIP =
  "Firefox has no HTMLVideoElement.requestPictureInPicture (its video picture-in-picture is the browser's own toggle, with no API); it has Document Picture-in-Picture, which the other picture-in-picture tests use";

/** Whole test files an engine cannot run: path → reason. */
export const FILES_NOT_IN: Record<Engine, Record<string, string>> = {
  chromium: {},
  firefox: {},
  webkit: {},
};

const NO_MEDIA_EMULATION =
  'prefers-reduced-motion and prefers-color-scheme cannot be emulated over WebDriver (no emulateMedia)';

const MEDIA_EMULATION =
  "no media-feature emulation (prefers-reduced-motion, prefers-color-scheme) over WebDriver BiDi; puppeteer's emulateMediaFeatures is CDP-only";

const ONE_MICROPHONE = 'Firefox has one fake microphone (media.navigator.streams.fake), not two';

const ONE_CAMERA_ONE_MICROPHONE = 'Firefox has one fake camera and one fake microphone, not two';

const NO_SCREEN_CAPTURE =
  'headless Firefox offers no fake screen to getDisplayMedia (Chromium has --use-fake-ui-for-media-stream)';

const DISPATCHED_ENDED =
  "a track that ends on its own cannot be staged: Firefox's fake devices cannot be unplugged, and an event dispatched on a MediaStreamTrack reaches its onended handler but no addEventListener listener (any type: 'ended', 'mute', 'foo')";

const NO_WEBGL2 =
  'headless Firefox here has no WebGL 2 context (no GPU, and no software fallback), so background effects cannot run: its choices are shown disabled with the reason, which the test "where background effects cannot run" asserts there';

const HAS_WEBGL2 =
  'this engine runs background effects here (WebGL 2 on SwiftShader): the tests of the effects themselves run in it instead';

/** Single tests (declared with `itIn`) an engine cannot run: test title → reason. */
export const TESTS_NOT_IN: Record<Engine, Record<string, string>> = {
  chromium: {
    // Background effects
    'where background effects cannot run (no WebGL 2 here), every choice is disabled and the reason is said':
      HAS_WEBGL2,
  },
  firefox: {
    // Voice processing
    "the browser's switches reach the published microphone's settings, live, from the menu too":
      "Firefox's fake microphone (media.navigator.streams.fake) has no audio processing: getSettings() reports noiseSuppression, echoCancellation and autoGainControl false whatever is asked, at capture or live",
    'the camera ending mid-call: the call goes on and a live camera comes back (restarted, or turned on again)':
      DISPATCHED_ENDED,
    'without a pre-join screen, the remembered devices are the ones published on joining':
      ONE_CAMERA_ONE_MICROPHONE,
    'the remembered camera and microphone are previewed, checked in the menus and published':
      ONE_CAMERA_ONE_MICROPHONE,
    'the microphone picker switches by keyboard while muted; unmuted, the published track uses it':
      ONE_MICROPHONE,
    'screen share starts (getDisplayMedia works headless with the fake UI) and stops':
      NO_SCREEN_CAPTURE,
    'stops when the track is taken away or ends, and restarts for a new one': DISPATCHED_ENDED,
    'switches the preview microphone when a device is picked': ONE_MICROPHONE,
    'moves nothing with prefers-reduced-motion: reduce': MEDIA_EMULATION,
    // Background effects
    'an image replaces the background live and off brings the camera back, on the same publication; the image stays after a camera switch':
      NO_WEBGL2,
    'blur: the remote side decodes a much less sharp picture than the raw camera; off, as sharp':
      NO_WEBGL2,
    'a remembered image is applied before publishing: the first frame received is already replaced':
      NO_WEBGL2,
    'blurs and replaces the background with no CSP violation and nothing from another origin':
      NO_WEBGL2,
    'arrows, Home and End choose (firing background-change first); the choice is remembered':
      NO_WEBGL2,
    'follows right-to-left: ArrowLeft goes forward': NO_WEBGL2,
    'follow the cameras as menu items; arrows reach them and Enter chooses': NO_WEBGL2,
    // Captions
    'does not animate new lines with prefers-reduced-motion: reduce': MEDIA_EMULATION,
    'stops moving bars one by one under reduced motion, yet shows the level': MEDIA_EMULATION,
    'with reduced motion, a reaction fades in place instead of rising': MEDIA_EMULATION,
    'auto follows the system setting': MEDIA_EMULATION,
    "falls back to the video's own picture-in-picture (as in Safari): the speaker's video, and back":
      NO_VIDEO_PIP,
  },
  webkit: {
    // Background effects
    'where background effects cannot run (no WebGL 2 here), every choice is disabled and the reason is said':
      'WebKitGTK here offers WebGL 2, VideoFrame and canvas capture: its choices are enabled (the keyboard tests of the picker run in it)',
    'moves nothing with prefers-reduced-motion: reduce': NO_MEDIA_EMULATION,
    // Captions
    'does not animate new lines with prefers-reduced-motion: reduce': NO_MEDIA_EMULATION,
    'stops moving bars one by one under reduced motion, yet shows the level': NO_MEDIA_EMULATION,
    'with reduced motion, a reaction fades in place instead of rising': NO_MEDIA_EMULATION,
    'auto follows the system setting': NO_MEDIA_EMULATION,
    'opens by keyboard (Space), shows pressed with a focus ring, and closes with the window':
      "WebKitGTK has no Document Picture-in-Picture (Safari falls back to the video element's own, which needs a playing video: no WebRTC here)",
    'audiooutput without setSinkId says so instead of listing devices':
      'WebKitGTK lists no audio outputs and has no setSinkId: there is no speaker list to come back to',
    // End-to-end encryption
    'holds a key, and a new key clears the failures (tried again with it)':
      'WebKitGTK here is built without WebRTC: livekit-client refuses to set up end-to-end encryption (no encoded transforms)',
  },
};

const NO_HEAP_MEASURE =
  'a page gets neither gc() nor performance.memory here: the heap cannot be measured after a collection';

/**
 * Checks inside a test that an engine cannot make (the rest of the test runs there): check →
 * reason. A test asks with `checkIn(name)`.
 */
export const CHECKS_NOT_IN: Record<Engine, Record<string, string>> = {
  chromium: {},
  firefox: {
    heap: NO_HEAP_MEASURE,
    'pip-screenshot':
      "the picture-in-picture window is screenshotted through Playwright's page of it; Firefox runs under puppeteer (WebDriver BiDi), which has no page for it",
  },
  webkit: {},
};

/** Whether the current engine makes the check `name` (see CHECKS_NOT_IN). */
export function checkIn(name: string): boolean {
  return CHECKS_NOT_IN[currentEngine()][name] === undefined;
}

/** The files `engine` leaves out. */
export function filesNotIn(engine: Engine): string[] {
  return Object.keys(FILES_NOT_IN[engine]);
}

/** The engine of the page the test runs in (read when asked, in the browser). */
export function currentEngine(): Engine {
  const agent = navigator.userAgent;
  if (agent.includes('Firefox/')) return 'firefox';
  return /Chrome|Chromium/.test(agent) || !/AppleWebKit/.test(agent) ? 'chromium' : 'webkit';
}

/**
 * `it`, unless TESTS_NOT_IN says the current engine cannot run the test: then it is not
 * defined there (the summary reporter lists it with its reason).
 */
export function itIn(title: string, fn: Mocha.AsyncFunc): void {
  if (TESTS_NOT_IN[currentEngine()][title] !== undefined) return;
  it(title, fn);
}

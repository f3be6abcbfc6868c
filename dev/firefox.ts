/**
 * The headless Firefox the browser tests also run in: Debian's firefox-esr, driven over WebDriver
 * BiDi by puppeteer (no geckodriver, no browser download), with fake media.
 */
import type { LaunchOptions } from 'puppeteer-core';

/** $FIREFOX_BIN, else Debian's firefox-esr. */
export const firefoxPath = (): string => process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

export const FIREFOX_PREFS: Record<string, unknown> = {
  // Fake camera and microphone, granted without a prompt.
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // livekit-server listens on loopback only: ICE must offer loopback candidates, and real host
  // addresses rather than mDNS names (without both, ICE fails after about 15 s).
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  // Media plays without a user gesture, as Chromium's --autoplay-policy flag does.
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  'media.autoplay.block-webaudio': false,
  // Web Audio (meters, volume) runs on a mock audio device: a headless machine may have no sound
  // server, and then an AudioContext never leaves 'suspended' (Chromium falls back to a fake
  // output of its own).
  'media.cubeb.force_mock_context': true,
  // A page in a background tab keeps its timers, as the tests wait on conditions.
  'dom.min_background_timeout_value': 0,
  'dom.timeout.enable_budget_timer_throttling': false,
  // Each test file is a new page of one browser, whereas each user has a browser of their own:
  // without this, failed connects of one file (a stopped SFU, a closed port) make Firefox hold
  // back later WebSockets to the same host and port for up to a minute (RFC 6455, 7.2.3), in
  // whichever file comes next. Mozilla's own tests turn it off for the same reason.
  'network.websocket.delay-failed-reconnects': false,
  // Nothing from the network beyond loopback.
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'network.captive-portal-service.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
};

/** puppeteer's launch options for it. */
export const firefoxLaunchOptions = (): LaunchOptions => ({
  browser: 'firefox',
  executablePath: firefoxPath(),
  headless: true,
  extraPrefsFirefox: FIREFOX_PREFS,
});

/**
 * Firefox as a phone (`npm run test:mobile`): a touch screen as the only pointer, so
 * `(pointer: coarse)` and `(hover: none)` match, touch events exist and `navigator.maxTouchPoints`
 * is 5. Firefox ESR has no WebDriver BiDi `emulation.setTouchOverride` (puppeteer's
 * `setViewport({ hasTouch })` is a no-op there), so these are prefs. The viewport size is set per
 * page (puppeteer's `setViewport`, over BiDi `browsingContext.setViewport`).
 */
export const FIREFOX_PHONE_PREFS: Record<string, unknown> = {
  // Bit flags of widget/LookAndFeel: 1 is a coarse pointer without hover.
  'ui.primaryPointerCapabilities': 1,
  'ui.allPointerCapabilities': 1,
  'dom.w3c_touch_events.enabled': 1,
  'dom.w3c_touch_events.legacy_apis.enabled': true,
  'dom.maxtouchpoints.testing.value': 5,
  // Scrollbars over the content, taking no room, as on a phone (Chromium's isMobile does the same).
  'ui.useOverlayScrollbars': 1,
};

/** puppeteer's launch options for Firefox as a phone. */
export const firefoxPhoneLaunchOptions = (): LaunchOptions => ({
  ...firefoxLaunchOptions(),
  extraPrefsFirefox: { ...FIREFOX_PREFS, ...FIREFOX_PHONE_PREFS },
});

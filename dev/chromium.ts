/** The headless Chromium both the browser tests and the benchmarks run: Debian's, fake media. */

/** $CHROMIUM_BIN, else Debian's chromium (playwright's own browser download is not used). */
export const chromiumPath = (): string => process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  // Two fake cameras, so a test can choose the one that is not the default.
  '--use-fake-device-for-media-stream=device-count=2',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // window.gc() for the churn tests' heap figures.
  '--js-flags=--expose-gc',
];

// The phone tests (test/mobile/): the same runner and server as web-test-runner.config.mjs, in a
// Chromium browser context that emulates a phone (isMobile, hasTouch: `(pointer: coarse)`
// matches, touch events exist). `WTR_DEVICE=desktop` runs the same files in a desktop context
// (the screenshot script, test/screens/, takes both).
import { playwrightLauncher } from '@web/test-runner-playwright';
import base from './web-test-runner.config.mjs';

const { CHROMIUM_FLAGS, chromiumPath } = await import('./dev/chromium.ts');
const { screenshotPlugin } = await import('./test/server/screenshot.ts');
const desktop = process.env.WTR_DEVICE === 'desktop';

export default {
  ...base,
  files: ['test/mobile/**/*.test.ts'],
  // Chromium only: no engine groups (WebKit runs the component tests in the base config).
  groups: [],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS },
      createBrowserContext: ({ browser }) =>
        browser.newContext(
          desktop
            ? { viewport: { width: 1440, height: 900 } }
            : { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
        ),
    }),
  ],
  plugins: [...base.plugins, screenshotPlugin()],
};
